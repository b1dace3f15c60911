"""Simple statements read whole: most of a big DOT file is ``a -> b [k=v];`` and ``a [k=v];`` lines.

Token by token, each such line costs the LALR parser seven tokens and as many reductions in Python. The
lexer instead reads a run of them (up to lexer.RUN_LENGTH) as one token, SIMPLE_STATEMENTS (declared in
``grammars/dot.lark``), matching each statement once with :func:`statement_reader`; the Transformer takes
the parts from those matches, doing exactly what ``node_list``, ``edge_rhs``, ``attr_list`` and
``edge_stmt`` / ``node_stmt`` do for the same tokens.

A statement qualifies when only white space separates its parts: a comment, a port, a chain
(``a -> b -> c``), a subgraph or a second attribute list sends it through the grammar token by token.
The lexer offers the token only where the parser can take a statement (not after ``a,`` say), and a
statement ends only where what follows cannot continue it, so the grammar reads the same statements,
and meets any error after them in the same state, either way.
"""

from __future__ import annotations

import re

#: a letter, digit, `_` or non-ASCII character, as grammars/dot.lark's NAME writes it (fast to compile)
_ID_CHAR = r"[^\x00-/:-@\[-^`{-\x7f]"


def _statement(id_pattern: str, blank: str, comment: str, keywords) -> str:
    not_keyword = rf"(?!(?i:{'|'.join(sorted(keywords))})(?!{_ID_CHAR}))"
    # Atomic, like the token it stands for: `n1` never gives back its `1` to let a match succeed.
    name = f"{not_keyword}(?>{id_pattern})"
    # Possessive everywhere: a failed match never retries another split of the same blanks.
    gap = f"(?:{blank})?+"
    item = f"{name}{gap}={gap}{name}{gap}(?:[;,]{gap})?+"
    attrs = rf"\[{gap}(?:{item})*+\]"
    # What follows must start the next statement or close the body: never `[`, `->`, `:`, `,`, `=`
    # (which would continue this one), nor `strict`/`digraph`, the end of the file or a string that is
    # never closed: errors the parser must meet right after the last ID, as it would without this token,
    # and before this statement's own errors (`->` in a graph).
    next_word = rf"(?!(?i:strict|digraph)(?!{_ID_CHAR})){_ID_CHAR}"
    starts_next = rf"[;{{}}]|-?\.?[0-9]|{next_word}|(?=[\"<])(?>{id_pattern})"
    end = rf"(?:{gap};|(?=(?:{blank}|{comment})*+(?:{starts_next})))"
    edge = f"(?P<tail>{name}){gap}(?P<op>->|--){gap}(?P<head>{name})(?:{gap}(?P<edge_attrs>{attrs}))?+"
    node = f"(?P<node>{name}){gap}(?P<node_attrs>{attrs})"
    return f"(?:{edge}|{node}){end}"


def statement_reader(id_pattern: str, blank: str, comment: str, keywords) -> re.Pattern:
    """One statement of a run, from the blanks before it: group 1 is the statement, the named groups
    its parts (tail, op, head, edge_attrs or node, node_attrs)."""
    return re.compile(f"(?:{blank})?+({_statement(id_pattern, blank, comment, keywords)})")


def attribute_items(id_pattern: str, blank: str) -> re.Pattern:
    """The ``key=value`` items of a simple statement's attribute list, both sides captured."""
    gap = f"(?:{blank})?+"
    return re.compile(f"({id_pattern}){gap}={gap}({id_pattern})")
