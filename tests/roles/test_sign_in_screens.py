"""A screen where people sign in is a screen of the interface, read by its place in the flow as any UI is,
not the identity check behind it (docs/roles.md, "A sign-in screen is the interface"); invented labels."""

from __future__ import annotations

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def test_a_sign_in_screen_between_the_user_and_the_backend_is_the_application():
    design = design_from(
        """
        flowchart LR
          U[Shopper] --> L[Login page] --> A[Auth Service] --> B[Chat API] --> M[GPT-4o]
          U --> P[Authentication UI] --> A
        """,
        fmt="mermaid",
        path="d.mmd",
    )
    roles = {node_id: a.role for node_id, a in assign_roles(design).items()}
    assert roles == {"U": "user", "L": "application", "A": "auth", "B": "application", "M": "model_inference", "P": "application"}


def test_a_sign_in_screen_where_the_flow_starts_is_the_user_and_an_identity_product_keeps_its_screen():
    assert reading_of("Sign-in screen").role == "user"
    assert reading_of("Keycloak<br/>admin UI").role == "auth"  # a UI named in the detail only
    assert reading_of("Auth Service<br/>login page").role == "auth"
