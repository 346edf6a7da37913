"""A list of persons pasted into a publication (a 低保 list) is a table whose names are masked on
every public output: the page, the API, search results, and the search index itself."""

from datetime import date

import pytest
from django.urls import reverse

from catalog.public import body_blocks, masking_notes, public_body
from catalog.tests.factories import published_catalog, published_publication

pytestmark = pytest.mark.django_db

NAMES = ["王秀兰", "欧阳明华", "李建设", "张红旗"]
LIST_BODY = "\n".join(
    [
        "现将2025年9月新纳入城乡最低生活保障的对象名单予以公示，公示期7天。",
        "",
        "序号\t村（社区）\t户主姓名\t身份证号\t保障人数\t月保障金额（元）",
        "1\t东坡村\t王秀兰\t410423195803121527\t2\t760",
        "2\t红旗村\t欧阳明华\t\t1\t380",
        "3\t建设社区\t李建设\t\t3\t1560",
        "4\t林楼村\t张红旗\t\t4\t920",
        "",
        "王秀兰户已复核。监督电话：0375-5051234（县民政局社会救助股，人民路中段）。",
    ]
)


@pytest.fixture
def dibao_list(unit_a, lead_reviewer):
    catalog = published_catalog(unit_a, lead_reviewer)
    item = catalog.items.get(level1="最低生活保障", level2="审批信息")
    return published_publication(
        item, title="2025年9月城乡低保对象名单公示", body=LIST_BODY, formed_on=date(2025, 10, 9)
    )


def test_the_page_shows_the_list_as_a_table_with_names_masked(client, dibao_list):
    html = client.get(dibao_list.get_absolute_url()).content.decode()
    assert "<table" in html and '<th scope="col">户主姓名</th>' in html
    assert html.count("<td>760</td>") == 1 and html.count("</tr>") == 5  # header and four households
    for name in NAMES:
        assert name not in html
    for masked in ["王**", "欧阳**", "李**", "张**"]:
        assert f"<td>{masked}</td>" in html
    assert "410423195803121527" not in html and "[已隐去]" in html
    # The places keep their names (a given name alone is not masked), and so does the office's hotline.
    assert "<td>红旗村</td>" in html and "<td>建设社区</td>" in html
    assert "王**户已复核" in html and "0375-5051234" in html


def test_the_api_search_and_index_never_carry_a_listed_name(client, dibao_list):
    body = client.get("/api/publications/").json()["results"][0]["body"]
    assert "王**" in body and not any(name in body for name in NAMES)
    page = client.get(reverse("search") + "?q=低保").content.decode()
    assert "城乡低保对象名单公示" in page and not any(name in page for name in NAMES)
    found = client.get(reverse("search") + "?q=王秀兰").content.decode()
    assert "城乡低保对象名单公示" not in found  # a person cannot be looked up on the list by name
    assert not any(name in dibao_list.search_body.replace(" ", "") for name in NAMES)


def test_text_without_a_table_is_shown_as_written():
    body = "第一段。\n接着的一行。\n\n第二段：咨询电话 0375-5051234。"
    assert public_body(body) == body
    assert [block.text for block in body_blocks(body)] == ["第一段。\n接着的一行。", "第二段：咨询电话 0375-5051234。"]


def test_a_table_without_a_name_column_keeps_the_offices_phones():
    body = "乡镇\t咨询电话\n下汤镇\t0375-5061234\n尧山镇\t0375-5071234"
    assert public_body(body) == body


def test_staff_are_told_what_the_public_will_not_see():
    notes = masking_notes(LIST_BODY)
    assert "户主姓名「王秀兰」→「王**」" in notes
    assert "身份证号「410423195803121527」→「[已隐去]」" in notes
    assert "姓名「王秀兰」→「王**」" in notes  # the paragraph that repeats a listed name
    assert len(notes) == 6


def test_an_editor_saving_a_list_is_warned_which_values_will_be_masked(client, unit_a, lead_reviewer, editor_a):
    catalog = published_catalog(unit_a, lead_reviewer)
    item = catalog.items.get(level1="最低生活保障", level2="审批信息")
    client.force_login(editor_a)
    response = client.post(
        reverse("admin:catalog_publication_add"),
        {"item": item.pk, "title": "低保名单", "body": LIST_BODY, "formed_on": "2025-10-10",
         "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0"},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "以下内容像是个人信息，公开时将隐去" in page
    assert "户主姓名「王秀兰」→「王**」" in page and "等共 6 处" in page


def test_a_search_snippet_masks_what_the_whole_body_would_wherever_the_snippet_is_cut():
    """The snippet masks only the text around the match; an ID number (together or in groups) or a
    listed name at every distance from the match, across the snippet's edge, is masked as in the
    whole body (a phone in a paragraph is an office's and stays, there as here)."""
    from catalog.public import public_region
    from lushan_portal.search import SNIPPET_LENGTH, highlight

    table = "序号\t户主姓名\t身份证号\n1\t欧阳明华\t410423195803121527"
    for secret in ["410423195803121527", "4104 2319 5803 1215 27", "欧阳明华", "电话：5051234"]:
        for distance in range(0, 260, 7):
            body = "说明" * 30 + "低保" + "公示期七天" * (distance // 5) + "第" * (distance % 5) + secret
            body += "，请监督" * 20 + "\n\n" + table
            region = public_region(body, ["低保"], SNIPPET_LENGTH)
            snippet = highlight(region.text, ["低保"], more_before=region.more_before, more_after=region.more_after)
            assert snippet == highlight(public_body(body), ["低保"]), (secret, distance)
            assert "1215" not in snippet and "欧阳明华" not in snippet


def test_a_snippet_skips_a_match_that_masking_hides():
    """A listed name holding the word (张红旗) is masked: the snippet shows the next 红旗 instead."""
    from catalog.public import public_region
    from lushan_portal.search import highlight

    body = "序号\t户主姓名\n1\t张红旗\n\n" + "说明。" * 100 + "红旗村公示"
    region = public_region(body, ["红旗"], 120)
    snippet = highlight(region.text, ["红旗"], more_before=region.more_before, more_after=region.more_after)
    assert snippet.startswith("…") and "<mark>红旗</mark>村公示" in snippet and "张" not in snippet
    assert snippet == highlight(public_body(body), ["红旗"])
