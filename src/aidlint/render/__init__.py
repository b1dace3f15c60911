"""Pictures: the annotated gap diagram of a checked design, in DOT, Mermaid, SVG/PNG or HTML.

A stage after the rules, beside the reports: it reads a design, its roles and its findings and never
feeds anything back. :data:`FORMATS` maps an output's file extension to the module that writes it.
"""

FORMATS = {
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".md": "markdown",
    ".svg": "svg",
    ".png": "png",
    ".html": "html",
}
