"""Writes alembic-vectors.json for AlembicVectorsTest: random revision graphs and operations
(upgrade, downgrade, stamp, history from reachable version-table states) with what Alembic's
RevisionMap and HeadMaintainer return for them.

Run with Alembic's source (the reference snapshot, 20e58db0) and SQLAlchemy importable:
  PYTHONHASHSEED=0 PYTHONPATH=<alembic checkout> python3 generate_alembic_vectors.py 200 > alembic-vectors.json
Arguments: number of graphs, first seed (default 0).
"""
import json, random, sys, warnings
from sqlalchemy import Table, MetaData, Column, String
from alembic.script.revision import RevisionMap, Revision
from alembic.runtime.migration import HeadMaintainer, RevisionStep, StampStep
from alembic.script.base import ScriptDirectory
from alembic import util

class Mod:
    @staticmethod
    def upgrade(): pass
    @staticmethod
    def downgrade(): pass

class Rev(Revision):
    module = Mod
    doc = "d"

class Impl:
    def _exec(self, *a, **k): return None

class Ctx:
    as_sql = True
    impl = Impl()
    version_table = "alembic_version"
    _version = Table("alembic_version", MetaData(), Column("version_num", String(32)))

def rand_graph(r):
    n = 1 + r.randrange(16)
    created, ids, heads, label_of = [], [], [], {}
    for i in range(n):
        rid = "r%d%x" % (i, r.randrange(4096))
        downs = []
        c = r.randrange(100)
        if i > 0 and c >= 12:
            if c < 30 and len(heads) >= 2:
                cand = heads[:]; r.shuffle(cand)
                downs = cand[:min(len(cand), 2 + r.randrange(2))]
            elif r.randrange(100) < 65 and heads:
                downs = [r.choice(heads)]
            else:
                downs = [r.choice(ids)]
        deps = []
        if i > 0 and r.randrange(100) < 18:
            d = r.choice(ids)
            if d not in downs:
                deps = [label_of[d] if d in label_of and r.random() < 0.5 else d]
        labels = []
        if r.randrange(100) < 15:
            labels = ["L%d" % i]; label_of[rid] = labels[0]
        created.append({"id": rid, "down": downs, "labels": labels, "deps": deps})
        ids.append(rid)
        heads = [h for h in heads if h not in downs] + [rid]
    order = created[:]
    r.shuffle(order)
    return order

def build(graph):
    def gen():
        for g in graph:
            down = tuple(g["down"]) if len(g["down"]) > 1 else (g["down"][0] if g["down"] else None)
            deps = tuple(g["deps"]) if g["deps"] else None
            labels = tuple(g["labels"]) if g["labels"] else None
            yield Rev(g["id"], down, dependencies=deps, branch_labels=labels)
    m = RevisionMap(gen)
    m.heads
    return m

def run_steps(m, rows, steps):
    hm = HeadMaintainer(Ctx(), rows)
    for s in steps:
        hm.update_to_step(s)
    return sorted(hm.heads)

def upgrade(m, rows, target):
    revs = list(m.iterate_revisions(target, tuple(rows), implicit_base=True))
    revs.reverse()
    steps = [RevisionStep(m, r, True) for r in revs]
    return [r.revision for r in revs], run_steps(m, rows, steps)

def downgrade(m, rows, target):
    revs = list(m.iterate_revisions(tuple(rows), target, select_for_downgrade=True))
    steps = [RevisionStep(m, r, False) for r in revs]
    return [r.revision for r in revs], run_steps(m, rows, steps)

def stamp(m, rows, targets):
    sd = ScriptDirectory.__new__(ScriptDirectory)
    sd.revision_map = m
    steps = sd._stamp_revs(tuple(targets), tuple(rows))
    return None, run_steps(m, rows, steps)

def history(m, rng):
    base, head = rng.split(":")
    revs = m.iterate_revisions(head or "heads", base or "base", inclusive=True, assert_relative_length=False)
    return [r.revision for r in revs], None

def targets_for(r, graph, up):
    ids = [g["id"] for g in graph]
    labels = [l for g in graph for l in g["labels"]]
    t = ["heads", "head", "base", "+1", "+2", "-1", "-2"]
    i = r.choice(ids)
    t += [i, i[:5], i + "+1", i + "-1", i + "@head", "%s@%s" % (r.choice(ids), i)]
    if labels:
        l = r.choice(labels)
        t += [l, l + "@head", l + "@+1", l + "@-1", l + "@base", "%s@%s" % (l, i), l + "@head-1", l + "@base+1"]
    return t

def main():
    count = int(sys.argv[1])
    out = []
    start = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    for seed in range(start, start + count):
        r = random.Random(seed)
        graph = rand_graph(r)
        m = build(graph)
        ids = [g["id"] for g in graph]
        entry = {"seed": seed, "graph": graph, "structure": {
            "heads": list(m.heads), "real_heads": list(m._real_heads), "bases": list(m.bases),
            "labels": {i: sorted(m.get_revision(i).branch_labels) for i in ids}}, "ops": []}
        out.append(entry)
        # reachable states: upgrade from empty to random ids
        states = [[]]
        for _ in range(3):
            try:
                states.append(upgrade(m, (), r.choice(ids))[1])
            except Exception:
                pass
        try:
            states.append(upgrade(m, (), "heads")[1])
        except Exception:
            pass
        ops = []
        for _ in range(6):
            ops.append(("upgrade", r.choice(states), r.choice(targets_for(r, graph, True))))
            ops.append(("downgrade", r.choice(states[1:] or states), r.choice(targets_for(r, graph, False))))
        for _ in range(3):
            tg = r.sample(ids + ["heads", "base"], k=1 + r.randrange(2))
            ops.append(("stamp", r.choice(states), tg))
            a, b = r.choice(ids + [""]), r.choice(ids + [""])
            ops.append(("history", [], "%s:%s" % (a, b)))
        for _ in range(4):
            ops.append(("current", r.choice(states), None))
            ops.append(("resolve", [], r.choice(targets_for(r, graph, True) + [r.choice(ids)[:3], "heads"])))
        for op, rows, target in ops:
            vec = {"op": op, "rows": rows, "target": target}
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                try:
                    if op == "current":
                        vec["expect"] = {"rows": sorted(x.revision for x in m._get_all_current(tuple(rows)))}
                    elif op == "resolve":
                        got = m.get_revisions(target)
                        if any(not isinstance(x, Revision) for x in got):
                            vec["expect"] = {"error": "non-revision result %r" % (got,), "type": "AssertionError"}
                        else:
                            vec["expect"] = {"order": [x.revision for x in got]}
                    else:
                        fn = {"upgrade": upgrade, "downgrade": downgrade, "stamp": stamp}.get(op)
                        order, after = fn(m, rows, target) if fn else history(m, target)
                        vec["expect"] = {"order": order, "rows": after}
                except util.CommandError as e:
                    vec["expect"] = {"error": str(e), "type": "CommandError"}
                except Exception as e:
                    vec["expect"] = {"error": str(e) or repr(e), "type": type(e).__name__}
                if w:
                    vec["expect"]["warnings"] = [str(x.message) for x in w]
            entry["ops"].append(vec)
    json.dump({"source": "alembic 20e58db0: RevisionMap and HeadMaintainer run by generate_alembic_vectors.py", "graphs": out}, sys.stdout, indent=None, separators=(",", ":"))

main()
