"""The Theory of Change and the power map are drawn on the server as valid SVG, with every text escaped."""

import xml.etree.ElementTree as ET

from django.urls import reverse

SVG = "{http://www.w3.org/2000/svg}"


def _texts(root) -> str:
    return " ".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))


def test_the_theory_of_change_downloads_as_valid_svg_with_its_text_escaped(planning, cast, as_user):
    response = as_user(cast.researcher_a).get(reverse("advocacy:toc_svg", args=[planning.toc.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == "420mm" and root.get("height") == "297mm"  # A3 landscape
    text = _texts(root)
    assert "Inspections of small workshops" in text
    assert "<script>alert(1)</script>" in text  # shown as text, never as markup
    assert not list(root.iter(f"{SVG}script"))
    assert b"<script>" not in response.content
    # One box per element in the bands, and an arrow for each link up to the goal.
    assert len([g for g in root.iter(f"{SVG}g") if g.get("data-node")]) == 5
    assert len([p for p in root.iter(f"{SVG}path") if p.get("class") == "toc-arrow"]) == 3


def test_the_theory_of_change_page_embeds_the_diagram_with_boxes_that_open_their_edit_form(planning, cast, as_user):
    response = as_user(cast.researcher_a).get(reverse("advocacy:toc_detail", args=[planning.toc.pk]))
    html = response.content.decode()
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    root = ET.fromstring(html[start:end])
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert reverse("advocacy:node_edit", args=[planning.outcome.pk]) in links


def test_a_reader_sees_the_diagram_without_edit_links(planning, cast, as_user):
    response = as_user(cast.coordinator).get(reverse("advocacy:toc_detail", args=[planning.toc.pk]))
    assert reverse("advocacy:node_edit", args=[planning.outcome.pk]) in response.content.decode()  # coordinator edits
    from ovoz.advocacy.services.toc import toc_create

    programme_toc = toc_create(actor=cast.coordinator, programme=cast.programme, partnership=None,
                               title="Programme ToC", goal="Structural change")
    response = as_user(cast.viewer).get(reverse("advocacy:toc_detail", args=[programme_toc.pk]))
    assert response.status_code == 200
    assert "/elements/" not in response.content.decode()


def test_the_power_map_is_valid_svg_with_each_actor_in_its_influence_and_stance_cell(planning, cast, as_user):
    scope = f"part-{cast.a.pk}"
    response = as_user(cast.mentor_a).get(reverse("advocacy:power_map_svg") + "?scope=" + scope)
    root = ET.fromstring(response.content)
    cells = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "pm-cell"]
    assert len(cells) == 6 * 5
    actors = {g.get("data-name"): g for g in root.iter(f"{SVG}g") if g.get("class") == "pm-actor"}
    assert set(actors) == {"City council & co", "Labour inspection"}
    # The council (influence 4, neutral) sits inside the cell for influence 4, stance 0.
    cell = next(c for c in cells if c.get("data-influence") == "4" and c.get("data-stance") == "0")
    x, y = float(cell.get("x")), float(cell.get("y"))
    dot = actors["City council & co"].find(f"{SVG}circle")
    assert x <= float(dot.get("cx")) <= x + float(cell.get("width"))
    assert y <= float(dot.get("cy")) <= y + float(cell.get("height"))


def test_the_power_map_page_embeds_a_valid_svg_that_gives_editors_a_place_address(planning, cast, as_user):
    response = as_user(cast.researcher_a).get(reverse("advocacy:power_map") + f"?scope=part-{cast.a.pk}")
    html = response.content.decode()
    root = ET.fromstring(html[html.index("<svg"):html.index("</svg>") + 6])
    urls = {g.get("data-place-url") for g in root.iter(f"{SVG}g") if g.get("class") == "pm-actor"}
    assert reverse("advocacy:actor_place", args=[planning.council.pk]) in urls


def test_a_theory_of_change_with_many_elements_still_draws_and_grows_taller(planning, cast):
    from ovoz.advocacy.services.toc import node_add
    from ovoz.advocacy.svg import toc as toc_svg

    for i in range(30):
        node_add(actor=cast.researcher_a, toc=planning.toc, kind="precondition", text=f"Precondition {i} " * 8)
    svg = toc_svg.render(planning.toc, list(planning.toc.nodes.all()), print_size=True)
    root = ET.fromstring(svg)
    height = float(root.get("viewBox").split()[3])
    assert height > 1123
    assert root.get("width") is None  # no longer one A3 page at a fixed size: it scales to the page
