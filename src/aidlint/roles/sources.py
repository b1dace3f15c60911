"""A document format that only qualifies the head's noun (docs/roles.md, "A format before another noun").

"PDF" alone, or ending the head ("Scanned PDFs"), is the documents a flow reads in: a data_source. Before a
noun that names something else ("PDF Summaries", "PDF Agent", "PyMuPDFAdapter") it says what that thing works
on or was made from, as "MCP" before "Client" does (roles/objects.py, `without_protocol_as_modifier`): the
box is no source. Before a noun of the data itself (`terms.source_nouns`: "PDF documents") or of bringing it
in (`terms.intake_words`: "PDF import"), a list of formats ("PDF / PPTX / EML": `terms.file_extensions`) and
a name in code ("process_pdf_task") keep the words as they are.
"""

from __future__ import annotations

from aidlint.roles.vocabulary import Match, Token, Vocabulary

#: The document formats read as a source by themselves.
_FORMATS = frozenset({"pdf", "pdfs"})
#: Other document formats, which end a list of formats ("PDF / PPTX / EML") as the data read in.
_DOCUMENTS = frozenset({"doc", "docx", "ppt", "pptx", "xls", "xlsx", "eml", "msg", "epub", "rtf", "odt", "image", "images"})


def without_format_as_modifier(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> list[Match]:
    if not any(m.synonym.role == "data_source" and m.synonym.written.lower() in _FORMATS for m in matches):
        return matches
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main:
        return matches
    last = tokens[main[-1]].text
    keeps = vocabulary.words("source_nouns") | vocabulary.words("intake_words") | vocabulary.words("file_extensions")
    keeps |= vocabulary.words("record_heads")  # "Parsed PDF objects": the record reading sets the words aside
    if last in keeps or last in _FORMATS or last in _DOCUMENTS:
        return matches
    return [
        m for m in matches
        if not (
            m.in_main and m.synonym.role == "data_source" and m.synonym.written.lower() in _FORMATS and m.start < main[-1]
            and not tokens[m.start].code
        )
    ]
