"""Graphviz DOT (``.dot``, ``.gv``): ``grammars/dot.lark`` into the design model.

The Transformer runs inside the LALR parser and builds the design while the file is read: DOT's
meaning depends on order (``node [...]`` defaults apply to nodes created *after* them, in that scope and
the scopes nested in it), and LALR reductions arrive in source order, so the callbacks replay the file
the way Graphviz's own parser does. No parse tree is built and nothing recurses on nesting depth.

Counting follows Graphviz: a subgraph used as an edge end stands for every node named inside it, a
``strict`` graph keeps one edge per node pair (later attributes update it), and edges of a non-strict
graph that repeat an endpoint pair *and* a ``key`` attribute are one edge.

The stages: ``lexer`` (tokens, IDs decoded), ``transformer`` with ``scopes`` (the graph as it is read),
``build`` (records to Design objects, comment directives), ``wording`` (syntax errors).
"""

from __future__ import annotations

import re
import threading
from functools import cache

from lark.exceptions import UnexpectedInput

from aidlint.frontends.dot.build import apply_comments
from aidlint.frontends.dot.lexer import DotLexer
from aidlint.frontends.dot.scopes import ParseState
from aidlint.frontends.dot.statements import attribute_items
from aidlint.frontends.dot.transformer import DotTransformer
from aidlint.frontends.dot.wording import syntax_error
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.lark_adapter import declared_terminal_callbacks, plain_rule_names
from aidlint.frontends.larkutil import CommentCollector, lalr_parser
from aidlint.frontends.shared import MAX_NESTING_DEPTH as MAX_SUBGRAPH_DEPTH
from aidlint.frontends.shared import ExpansionBudget, line_of
from aidlint.memory import paused_collection
from aidlint.model import Design

__all__ = ["MAX_SUBGRAPH_DEPTH", "parse"]

_comments = CommentCollector()
_transformer = DotTransformer()
_lock = threading.Lock()


@cache
def _parser():
    parser = lalr_parser(
        "dot.lark",
        start="start",
        lexer=DotLexer,
        transformer=_transformer,
        lexer_callbacks={"COMMENT": _comments},
    )
    plain_rule_names(parser)
    declared_terminal_callbacks(parser, _transformer, ["SIMPLE_STATEMENTS", "SIMPLE_STATEMENTS_SEMI"])
    id_pattern, blank = (parser.get_terminal(name).pattern.to_regexp() for name in ("ID", "WHITESPACE"))
    _transformer.attr_key = re.compile(f"({id_pattern})(?:{blank})?=")
    _transformer.attribute_item = attribute_items(id_pattern, blank)
    return parser


def parse(text: str, path: str, options=None) -> list[Design]:
    parser = _parser()
    budget = ExpansionBudget(text, options.limits if options is not None else None)
    with _lock:
        state = _transformer.state = ParseState(text, path, budget)
        _comments.tokens = []
        try:
            with paused_collection():  # memory.py
                parser.parse(text)
        except UnexpectedInput as error:
            raise syntax_error(error, text, parser) from None
        finally:
            comments = _comments.tokens
            _comments.tokens = []
            _transformer.state = None
    if not state.designs:
        raise DesignSyntaxError(
            "the file holds no graph: expected 'graph' or 'digraph' (optionally after 'strict')",
            line=1,
            col=1,
            source_line=line_of(text, 1),
            expected=["'digraph'", "'graph'", "'strict'"],
        )
    apply_comments(state.designs, comments, text, path)
    return [design for design, _ in state.designs]


