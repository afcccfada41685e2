package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.VerifiedRevision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The revision graph as inline SVG: revisions in layers from the roots down (a revision one layer
 * below the lowest of its parents and dependencies), edges from parent to child, dashed for
 * depends-on, each node coloured by its worst finding over all backends.
 */
final class RevisionGraphSvg {
  private static final int NODE_WIDTH = 200;
  private static final int NODE_HEIGHT = 46;
  private static final int GAP_X = 28;
  private static final int GAP_Y = 58;
  private static final int MARGIN = 12;

  /** Room at the sides for edges that skip a layer and go round the nodes between. */
  private static final int SIDE = 56;

  private static final int MESSAGE_CHARS = 27;

  private RevisionGraphSvg() {}

  private record Place(double x, double y) {}

  static String render(VerificationResult result) {
    Map<String, VerifiedRevision> byId = new HashMap<>();
    result.revisions().forEach(r -> byId.put(r.id(), r));
    List<List<VerifiedRevision>> layers = layers(result.revisions(), byId);

    int widest = layers.stream().mapToInt(List::size).max().orElse(0);
    double width = Math.max(1, widest) * (NODE_WIDTH + GAP_X) - GAP_X + 2 * (MARGIN + SIDE);
    double height = Math.max(1, layers.size()) * (NODE_HEIGHT + GAP_Y) - GAP_Y + 2 * MARGIN;
    Map<String, Place> places = new HashMap<>();
    for (int depth = 0; depth < layers.size(); depth++) {
      List<VerifiedRevision> layer = layers.get(depth);
      if (depth > 0) {
        layer.sort(Comparator.comparingDouble(r -> meanParentX(r, places)));
      }
      double left = (width - (layer.size() * (NODE_WIDTH + GAP_X) - GAP_X)) / 2;
      for (int i = 0; i < layer.size(); i++) {
        places.put(
            layer.get(i).id(),
            new Place(left + i * (NODE_WIDTH + GAP_X), MARGIN + depth * (NODE_HEIGHT + GAP_Y)));
      }
    }

    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"revision-graph\" width=\"")
        .append(number(width))
        .append("\" height=\"")
        .append(number(height))
        .append("\" viewBox=\"0 0 ")
        .append(number(width))
        .append(' ')
        .append(number(height))
        .append("\" role=\"img\" aria-label=\"revision graph\">\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#8c959f\"/></marker></defs>\n");
    for (VerifiedRevision child : result.revisions()) {
      for (String parent : child.parents()) {
        edge(out, "parent", parent, child.id(), places, width);
      }
      for (String dependency : child.dependsOn()) {
        edge(out, "depends-on", dependency, child.id(), places, width);
      }
    }
    for (VerifiedRevision revision : result.revisions()) {
      node(out, result, revision, places.get(revision.id()));
    }
    return out.append("</svg>\n").toString();
  }

  /** Layers from the roots; parents and dependencies the graph lacks are left out. */
  private static List<List<VerifiedRevision>> layers(
      List<VerifiedRevision> revisions, Map<String, VerifiedRevision> byId) {
    Map<String, Integer> depth = new HashMap<>();
    List<List<VerifiedRevision>> layers = new ArrayList<>();
    for (VerifiedRevision r : revisions) {
      int d = 0;
      List<String> before = new ArrayList<>(r.parents());
      before.addAll(r.dependsOn());
      for (String p : before) {
        Integer pd = byId.containsKey(p) ? depth.get(p) : null;
        if (pd != null) {
          d = Math.max(d, pd + 1);
        }
      }
      depth.put(r.id(), d);
      while (layers.size() <= d) {
        layers.add(new ArrayList<>());
      }
      layers.get(d).add(r);
    }
    return layers;
  }

  private static double meanParentX(VerifiedRevision r, Map<String, Place> places) {
    return r.parents().stream()
        .map(places::get)
        .filter(p -> p != null)
        .mapToDouble(Place::x)
        .average()
        .orElse(Double.MAX_VALUE);
  }

  /**
   * An edge from the bottom of one node to the top of the next layer's, or, when it skips layers,
   * from the outer side of one node round the nodes between to the same side of the other.
   */
  private static void edge(
      StringBuilder out,
      String kind,
      String from,
      String to,
      Map<String, Place> places,
      double width) {
    Place a = places.get(from);
    Place b = places.get(to);
    if (a == null || b == null) {
      return;
    }
    String d;
    if (b.y() - a.y() <= NODE_HEIGHT + GAP_Y) {
      double x1 = a.x() + NODE_WIDTH / 2.0;
      double y1 = a.y() + NODE_HEIGHT;
      double x2 = b.x() + NODE_WIDTH / 2.0;
      double y2 = b.y();
      double bend = (y2 - y1) / 2;
      d = curve(x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2);
    } else {
      boolean right = a.x() + NODE_WIDTH / 2.0 >= width / 2;
      double x1 = right ? a.x() + NODE_WIDTH : a.x();
      double x2 = right ? b.x() + NODE_WIDTH : b.x();
      double y1 = a.y() + NODE_HEIGHT / 2.0;
      double y2 = b.y() + NODE_HEIGHT / 2.0;
      double outer = right ? Math.max(x1, x2) + SIDE : Math.min(x1, x2) - SIDE;
      d = curve(x1, y1, outer, y1, outer, y2, x2, y2);
    }
    out.append("<path class=\"edge ")
        .append(kind)
        .append("\" data-from=\"")
        .append(Markup.attr(from))
        .append("\" data-to=\"")
        .append(Markup.attr(to))
        .append("\" marker-end=\"url(#arrow)\" d=\"")
        .append(d)
        .append("\"/>\n");
  }

  private static String curve(double... p) {
    return "M "
        + number(p[0])
        + " "
        + number(p[1])
        + " C "
        + number(p[2])
        + " "
        + number(p[3])
        + ", "
        + number(p[4])
        + " "
        + number(p[5])
        + ", "
        + number(p[6])
        + " "
        + number(p[7]);
  }

  private static void node(
      StringBuilder out, VerificationResult result, VerifiedRevision revision, Place at) {
    Facts.Cell worst = Facts.overall(result, revision.id());
    boolean head = result.heads().contains(revision.id());
    long findings =
        result.findings().stream().map(Finding::revision).filter(revision.id()::equals).count();
    String title =
        Facts.revisionTitle(result, revision.id())
            + (head ? " (head)" : "")
            + "\n"
            + (findings == 0
                ? "no findings"
                : "worst: " + worst.id() + ", " + Facts.plural(findings, "finding"))
            + (revision.origin() == null ? "" : "\n" + revision.origin());
    out.append("<a href=\"#")
        .append(Markup.attr(HtmlReport.anchor("rev", revision.id())))
        .append("\"><g class=\"node ")
        .append(worst.id())
        .append(head ? " head" : "")
        .append("\" data-revision=\"")
        .append(Markup.attr(revision.id()))
        .append("\" id=\"")
        .append(Markup.attr(HtmlReport.anchor("node", revision.id())))
        .append("\" transform=\"translate(")
        .append(number(at.x()))
        .append(' ')
        .append(number(at.y()))
        .append(")\"><title>")
        .append(Markup.text(title))
        .append("</title><rect width=\"")
        .append(NODE_WIDTH)
        .append("\" height=\"")
        .append(NODE_HEIGHT)
        .append("\" rx=\"8\"/><text class=\"id\" x=\"12\" y=\"19\">")
        .append(Markup.text(shorten(revision.id(), MESSAGE_CHARS - 4)))
        .append("</text><text class=\"message\" x=\"12\" y=\"36\">")
        .append(Markup.text(shorten(revision.message(), MESSAGE_CHARS)))
        .append("</text></g></a>\n");
  }

  private static String shorten(String s, int chars) {
    if (s == null) {
      return "";
    }
    return s.codePointCount(0, s.length()) <= chars
        ? s
        : s.substring(0, s.offsetByCodePoints(0, chars - 1)) + "…";
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }
}
