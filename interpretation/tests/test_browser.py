"""A citizen in real Chromium: a document, its video interpretation (player and transcript), and back."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from conftest import axe_violations
from interpretation.demo import tiny_mp4, tiny_png
from interpretation.models import Interpretation
from interpretation.services import interpretation_publish, interpretation_save
from interpretation.tests.factories import published_document
from publication_review.testing import reviewed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def video_interpretation(transactional_db, unit_a, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    document = published_document(unit_a)
    interpretation = Interpretation(
        document=document,
        form="video",
        title="一分钟看懂低保申请",
        published_on=date(2025, 9, 26),
        transcript="旁白：申请低保，先到乡镇政府提出书面申请。",
    )
    interpretation.video.save("dibao.mp4", ContentFile(tiny_mp4()), save=False)
    interpretation.video_poster.save("dibao.png", ContentFile(tiny_png((155, 28, 28))), save=False)
    interpretation_publish(interpretation=reviewed(interpretation_save(interpretation=interpretation)))


def test_document_to_video_and_back(live_server, video_interpretation, page):
    page.goto(live_server.url + "/policies/")
    page.get_by_role("link", name="鲁山县最低生活保障审核确认办法（鲁民〔2025〕1号）").click()
    assert page.locator("h1").inner_text() == "鲁山县最低生活保障审核确认办法"
    page.get_by_role("link", name="一分钟看懂低保申请").click()
    video = page.locator("video")
    assert video.count() == 1 and video.get_attribute("controls") is not None
    assert "dibao" in video.locator("source").get_attribute("src")
    assert (
        "先到乡镇政府提出书面申请"
        in page.get_by_role("heading", name="视频文字稿").locator("xpath=following-sibling::div").inner_text()
    )
    assert axe_violations(page) == []
    page.get_by_role("link", name="返回政策文件原文").click()
    assert page.locator("h1").inner_text() == "鲁山县最低生活保障审核确认办法"
    assert page.console_errors == []
