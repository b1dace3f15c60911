"""Gap diagram -> one self-contained HTML page: the SVG (or the Mermaid source when Graphviz gave no
picture), the findings, each linked to the parts of the picture it is about.

Nothing is fetched: the style and the one script are inline, and a Content-Security-Policy allows only
that script (by its hash), so neither a label nor anything else in the page can run or load anything.
Text from the design is HTML-escaped; the SVG is Graphviz's, which escapes the labels it draws.
Clicking a finding's link highlights its nodes and edges; opening the page at ``#finding-N`` does too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

from aidlint.render import mermaid
from aidlint.render.dot import edge_element_id, node_element_id
from aidlint.render.gap import SEVERITY_COLOURS, GapDiagram

_SCRIPT = """
function highlight(finding) {
  document.querySelectorAll('.highlight').forEach(function (element) { element.classList.remove('highlight'); });
  if (!finding) { return; }
  finding.classList.add('highlight');
  (finding.dataset.elements || '').split(' ').forEach(function (id) {
    var element = document.getElementById(id);
    if (element) { element.classList.add('highlight'); }
  });
}
document.querySelectorAll('a.target').forEach(function (link) {
  link.addEventListener('click', function (event) {
    event.preventDefault();
    highlight(link.closest('li.finding'));
    history.replaceState(null, '', '#' + link.closest('li.finding').id);
  });
});
if (location.hash) { highlight(document.getElementById(location.hash.slice(1))); }
""".strip()

_STYLE = """
body { font-family: Helvetica, Arial, sans-serif; margin: 1.5em; color: #222; }
#diagram { overflow: auto; max-height: 85vh; border: 1px solid #ddd; padding: 0.5em; }
li.finding { margin: 0.4em 0; padding: 0.2em 0.4em; }
li.finding.highlight { background: #fff7cc; }
.severity { font-weight: bold; }
.highlight path, .highlight polygon { stroke-width: 5px; }
.highlight { filter: drop-shadow(0 0 4px #f5c400); }
a.target { margin-right: 0.5em; }
pre { background: #f6f6f6; padding: 0.8em; overflow: auto; }
td, th { text-align: left; padding: 0.1em 0.6em; }
""".strip()

_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_XML_PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?(?:<!--.*?-->\s*)*", re.DOTALL)


def finding_element_id(index: int) -> str:
    return f"finding-{index + 1}"


def write(diagram: GapDiagram, svg: bytes | None) -> str:
    design = diagram.design
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        f"<title>Gap diagram: {escape(design.name)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>Gap diagram: {escape(design.name)}</h1>",
    ]
    if svg is not None:
        parts.append(f'<div id="diagram">\n{_XML_PROLOG.sub("", svg.decode("utf-8"))}</div>')
    else:
        parts.append("<p>Graphviz gave no picture here; this is the diagram as Mermaid source.</p>")
        parts.append(f'<pre id="diagram">{escape(mermaid.write(diagram))}</pre>')
        parts.extend(_node_table(diagram))
    parts.append(f"<h2>Findings ({len(diagram.findings)})</h2>")
    parts.append('<ol id="findings">')
    for index in range(len(diagram.findings)):
        parts.append(_finding_item(diagram, index))
    parts.append("</ol>")
    parts.append(f"<script>{_SCRIPT}</script>")
    parts.append("</body>")
    parts.append("</html>")
    return "\n".join(parts) + "\n"


def _finding_item(diagram: GapDiagram, index: int) -> str:
    finding = diagram.findings[index]
    nodes = [(position, node) for position, node in enumerate(diagram.nodes) if index in node.findings]
    edges = [node_element_id(p) for p, _ in nodes] + [edge_element_id(p) for p, edge in enumerate(diagram.edges) if index in edge.findings]
    colour = SEVERITY_COLOURS[finding.severity]
    links = " ".join(
        f'<a class="target" href="#{node_element_id(position)}">{"+ " if node.ghost else ""}{escape(_LINE_BREAK.sub(" ", node.label))}</a>' for position, node in nodes
    )
    location = f"{finding.path}:{finding.line}:{finding.col}"
    return (
        f'<li class="finding {finding.severity.value}" id="{finding_element_id(index)}" data-elements="{" ".join(edges)}">'
        f'<span class="severity" style="color:{colour}">{finding.rule_id} {finding.severity.value}</span> '
        f"<code>{escape(location)}</code> {escape(finding.message)}"
        + (f"<br>{escape(finding.fix.description)}: {links}" if finding.fix else (f"<br>{links}" if links else ""))
        + "</li>"
    )


def _node_table(diagram: GapDiagram) -> list[str]:
    rows = ["<h2>Nodes</h2>", "<table><tr><th>node</th><th>role</th></tr>"]
    for position, node in enumerate(diagram.nodes):
        reason = escape(node.reason, quote=True)
        rows.append(f'<tr id="{node_element_id(position)}" title="{reason}"><td>{escape(_LINE_BREAK.sub(" ", node.label))}</td><td>{escape(node.role)}</td></tr>')
    rows.append("</table>")
    return rows
