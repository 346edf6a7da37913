"""axe-core in real Chromium on every public page type and the supervisors' dashboard (issue 13).

No page may carry a violation of impact serious or critical. Each test walks its pages in one
browser and reports every offending page at once (rule id, help, elements). They are not
parametrised per address: ``live_server`` makes each test transactional, so the data would be
flushed and built again for every address. Feeds are XML and not checked.

Also what axe-core cannot see: the skip link and a focus ring that shows on every background
(keyboard), and printing without the navigation and the forms.
"""

import base64
from datetime import date, datetime, time

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from catalog.tests.factories import published_catalog, published_publication
from compliance.registry import indicators
from conftest import axe_violations, describe_violations
from decisions.services import _rate_key, comment_moderate, comment_submit, feedback_publish
from decisions.tests.factories import consultation
from enforcement.demo import credit_code
from enforcement.models import DecisionKind, LicenceCategory
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision, make_natural_person_decision
from interpretation.demo import tiny_mp4, tiny_png
from interpretation.models import GalleryImage, Interpretation, ProcessStep
from interpretation.services import interpretation_publish, interpretation_save
from interpretation.tests.factories import published_document, published_interpretation
from organizations.models import Role, Unit
from organizations.seed import seed_units
from organizations.services import membership_grant, supervisor_grant
from publication_review.testing import reviewed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-Test-2026"
BROWSER_CLIENT = "127.0.0.1"  # the live server sees every browser request from here
COMMENTER = "203.0.113.9"
# More query fields than Django accepts (DATA_UPLOAD_MAX_NUMBER_FIELDS): a request it refuses with 400.
TOO_MANY_FIELDS = "&".join(f"f{n}=1" for n in range(1001))


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False) as traveller:
        yield traveller


def interpretation_with(document, form: str, title: str, children=(), files=None, **fields) -> Interpretation:
    """A published interpretation of one form, with the images, steps or files that form needs."""
    interpretation = Interpretation(document=document, form=form, title=title, published_on=date(2025, 9, 26), **fields)
    for name, (filename, content) in (files or {}).items():
        getattr(interpretation, name).save(filename, ContentFile(content), save=False)
    interpretation = interpretation_save(interpretation=interpretation)
    for child in children:
        child.interpretation = interpretation
        child.save()
    return interpretation_publish(interpretation=reviewed(interpretation))


@pytest.fixture
def site(transactional_db, django_user_model, settings, tmp_path) -> dict:
    """One record of every public page type, the way citizens meet them, and the staff who log in."""
    settings.MEDIA_ROOT = tmp_path
    for client in (BROWSER_CLIENT, COMMENTER):
        cache.delete(_rate_key(client))
    seed_units()
    civil = Unit.objects.get(code="civil-affairs")
    township = Unit.objects.get(code="xiatang")

    reviewer = django_user_model.objects.create_user("lead-reviewer", password=PASSWORD)
    membership_grant(user=reviewer, unit=civil, role=Role.REVIEWER)
    editor = django_user_model.objects.create_user("editor-a", password=PASSWORD)
    membership_grant(user=editor, unit=civil, role=Role.EDITOR)
    supervisor = django_user_model.objects.create_user("supervisor", password=PASSWORD)
    supervisor_grant(user=supervisor)

    catalog = published_catalog(township, reviewer)
    item = catalog.items.get(level1="最低生活保障", level2="审批信息")
    publication = published_publication(
        item, title="下汤镇2025年9月低保对象名单", body="低保对象名单如下。", formed_on=date(2025, 10, 9)
    )

    document = published_document(civil)
    basics = {"background": "为规范低保审核确认工作。", "main_points": "明确申请条件、审核程序和监督管理。"}
    event = {
        "event_time": timezone.make_aware(datetime.combine(date(2025, 9, 26), time(10))),
        "event_place": "县政府新闻发布厅",
        "event_record": "主持人：各位媒体朋友，上午好……",
    }
    forms = {
        "text": published_interpretation(
            document, published_on=date(2025, 9, 26), form="text", title="低保办法文字解读", **basics
        ),
        "qa": published_interpretation(document, published_on=date(2025, 9, 26), form="qa", title="低保政策问答"),
        "chart": interpretation_with(
            document,
            "chart",
            "图解低保办法",
            children=[
                GalleryImage(position=1, alt="低保申请流程图", image=ContentFile(tiny_png((11, 79, 156)), "t.png"))
            ],
        ),
        "process": interpretation_with(
            document,
            "process",
            "低保申请流程",
            children=[ProcessStep(position=1, title="提出申请", description="到乡镇政府提交书面申请")],
            **basics,
        ),
        "video": interpretation_with(
            document,
            "video",
            "一分钟看懂低保申请",
            files={"video": ("dibao.mp4", tiny_mp4()), "video_poster": ("dibao.png", tiny_png((155, 28, 28)))},
            transcript="旁白：申请低保，先到乡镇政府提出书面申请。",
        ),
        "expert": interpretation_with(
            document, "expert", "专家解读低保办法", expert_name="李某某", expert_title="教授，县委党校", **basics
        ),
        "press": interpretation_with(document, "press", "低保办法新闻发布会", **event),
        "interview": interpretation_with(document, "interview", "低保办法在线访谈", **event),
    }

    open_consultation = consultation(civil, title="鲁山县老旧小区改造方案")
    with time_machine.travel("2025-07-25 10:00 +0800", tick=False):
        closed = consultation(
            civil, title="鲁山县城区停车收费方案", opens_on=date(2025, 8, 1), closes_on=date(2025, 8, 31)
        )
    with time_machine.travel("2025-08-10 10:00 +0800", tick=False):
        comment = comment_submit(
            decision_id=closed.pk, body="建议夜间免费停车。", contact="13900000000", client=COMMENTER
        )
    comment_moderate(comment=comment, approve=True)
    feedback_publish(
        decision=reviewed(closed),
        received=1,
        adopted=1,
        not_adopted=0,
        main_views="夜间免费停车。",
        reasons="无未采纳意见。",
    )

    company = make_decision(
        civil, publish=True, decision_number="鲁民罚〔2025〕1号", credit_code=credit_code("91410423MA46Q8765")
    )
    person = make_natural_person_decision(civil, decision_number="鲁民罚〔2025〕2号")
    make_decision(civil, publish=False, decision_number="鲁民罚〔2025〕3号")  # overdue: the dashboard shows it
    licence = make_decision(
        civil,
        publish=True,
        kind=DecisionKind.LICENCE,
        decision_number="鲁民许〔2025〕1号",
        penalty_categories="",
        penalty_content="",
        fine_amount=None,
        licence_document_name="养老机构备案回执",
        licence_category=LicenceCategory.ORDINARY,
        licence_content="养老机构设立备案",
    )
    decision_publish(decision=reviewed(person))
    drillable = next(i.code for i in indicators() if i.offending is not None)
    return {
        "township": township,
        "item": item,
        "publication": publication,
        "document": document,
        "forms": forms,
        "open": open_consultation,
        "closed": closed,
        "company": company,
        "person": person,
        "licence": licence,
        "drilldown_elsewhere": f"/dashboard/{drillable}/xiatang/",
    }


class Audit:
    """axe-core's findings page by page, reported together at the end."""

    def __init__(self, page) -> None:
        self.page = page
        self.failures: list[str] = []

    def check(self, label: str) -> None:
        found = axe_violations(self.page)
        if found:
            self.failures.append(f"{label} {self.page.url}\n{describe_violations(found)}")

    def visit(self, label: str, path: str, base: str, status: int = 200) -> None:
        response = self.page.goto(base + path)
        if response.status != status:
            self.failures.append(f"{label} {self.page.url}\nanswered {response.status}, expected {status}")
        self.check(label)

    def assert_clean(self) -> None:
        assert not self.failures, "pages with serious or critical violations:\n\n" + "\n\n".join(self.failures)


def test_every_public_page_type_is_free_of_serious_violations(live_server, site, page):
    base = live_server.url
    township, forms = site["township"], site["forms"]
    pages = [
        ("首页", "/"),
        ("搜索：有结果", "/search/?q=低保"),
        ("搜索：无结果", "/search/?q=无此内容的关键词"),
        ("公开单位列表", "/units/"),
        ("单位页（含目录栏目）", f"/units/{township.code}/"),
        ("单位页（无信息）", "/units/water/"),
        ("单位页（政策解读）", "/units/civil-affairs/"),
        ("标准目录领域列表", "/catalog/"),
        ("领域页", "/catalog/social-assistance/"),
        ("单位×领域目录", f"/units/{township.code}/social-assistance/"),
        ("目录事项", f"/catalog/items/{site['item'].pk}/"),
        ("公开信息", f"/publications/{site['publication'].pk}/"),
        ("政策文件列表", "/policies/"),
        ("政策文件列表：筛选", "/policies/?q=低保&kind=normative&year=2025"),
        ("政策文件", f"/policies/{site['document'].pk}/"),
        *[(f"政策解读：{form}", f"/interpretations/{i.pk}/") for form, i in forms.items()],
        ("征求意见列表", "/consultations/"),
        ("征求意见：已结束，含采纳情况", f"/consultations/{site['closed'].pk}/"),
        ("年度重大行政决策目录", "/decisions/2025/"),
        ("执法公示列表", "/enforcement/"),
        ("执法公示列表：筛选", "/enforcement/?kind=penalty&q=鲁民罚&date_from=2025-09-01"),
        ("执法公示列表：无结果", "/enforcement/?q=无此当事人"),
        ("执法公示列表：筛选有误", "/enforcement/?date_from=2025-13-45"),
        ("执法决定：法人", f"/enforcement/{site['company'].pk}/"),
        ("执法决定：自然人（已隐去）", f"/enforcement/{site['person'].pk}/"),
        ("执法决定：许可", f"/enforcement/{site['licence'].pk}/"),
        ("工作人员登录", "/admin/login/"),
        ("数据接口", "/api/"),
        ("数据接口：浏览", "/api/units/"),
        ("网站地图", "/sitemap/"),
        ("我为政府网站找错", "/feedback/?page=/catalog/"),
    ]
    audit = Audit(page)
    for label, path in pages:
        audit.visit(label, path, base)
    audit.visit("搜索：输入有误", "/search/?q=%00", base, status=400)
    audit.visit("404", "/no-such-page/", base, status=404)
    audit.visit("400", "/search/?" + TOO_MANY_FIELDS, base, status=400)

    page.goto(f"{base}/api/docs/")
    units = page.locator(".opblock-summary-control", has_text="/api/units/").first
    units.wait_for()
    audit.check("数据接口文档")
    units.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".live-responses-table").wait_for()
    audit.check("数据接口文档：试用")

    # A consultation open for comments: the form, its errors, the confirmation.
    page.goto(f"{base}/consultations/{site['open'].pk}/")
    audit.check("征求意见：进行中，意见表单")
    page.get_by_role("button", name="提交意见").click()
    page.locator("#comment-form .form-errors").first.wait_for()
    audit.check("征求意见：表单有误")
    page.get_by_label("您的意见").fill("建议为老旧小区加装电梯。")
    page.get_by_role("button", name="提交意见").click()
    page.get_by_role("status").wait_for()
    audit.check("征求意见：已提交")
    # The form kept open too long: the cookie is gone, the CSRF check refuses it (403).
    page.goto(f"{base}/consultations/{site['open'].pk}/")
    page.context.clear_cookies()
    page.get_by_label("您的意见").fill("第二条意见。")
    page.get_by_role("button", name="提交意见").click()
    page.get_by_role("heading", name="表单已失效").wait_for()
    audit.check("403（表单已失效）")

    audit.assert_clean()


def log_in(page, base: str, username: str, next_path: str) -> None:
    page.goto(f"{base}/admin/login/?next={next_path}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def enter_code(page, key: bytes) -> None:
    from django_otp.oath import totp

    page.get_by_label("验证码（6位）或备用恢复码").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="验证").click()


def test_login_two_factor_and_dashboard_pages_are_free_of_serious_violations(live_server, site, page, october_2025):
    base = live_server.url
    audit = Audit(page)

    page.goto(f"{base}/admin/login/?next=/dashboard/")
    page.get_by_label("用户名").fill("editor-a")
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录").click()
    page.locator(".errornote").first.wait_for()
    audit.check("登录：密码错误")

    # An editor: the dashboard of the own unit; another unit's drill-down is refused (403).
    log_in(page, base, "editor-a", "/dashboard/")
    page.wait_for_url("**/dashboard/")
    audit.check("督查（单位工作人员）")
    audit.visit("403", site["drilldown_elsewhere"], base, status=403)
    with page.expect_navigation():
        page.get_by_role("button", name="退出登录").click()
    audit.check("已退出登录")

    # A supervisor enrols an authenticator, keeps the recovery codes, and reads the dashboard.
    log_in(page, base, "supervisor", "/dashboard/")
    page.get_by_role("heading", name="双因素验证").wait_for()
    audit.check("双因素验证：绑定")
    key = base64.b32decode(page.locator("main code").inner_text())
    enter_code(page, key)
    page.get_by_role("heading", name="备用恢复码").wait_for()
    audit.check("备用恢复码")
    audit.visit("督查矩阵", "/dashboard/", base)
    drilldown = page.locator("main table a[href*='.']").first.get_attribute("href")  # indicator codes have a dot
    audit.visit("明细", drilldown, base)
    audit.visit("按月趋势", "/dashboard/trend/", base)
    audit.visit("信息不全的记录", "/dashboard/incomplete/", base)
    incomplete = page.locator("main table a[href^='/dashboard/incomplete/']").first.get_attribute("href")
    audit.visit("信息不全的记录：单位明细", incomplete, base)

    # At the next login the code is asked for; a wrong one is explained.
    with page.expect_navigation():
        page.get_by_role("button", name="退出登录").click()
    log_in(page, base, "supervisor", "/dashboard/")
    page.get_by_role("heading", name="双因素验证").wait_for()
    audit.check("双因素验证：输入验证码")
    page.get_by_label("验证码（6位）或备用恢复码").fill("000000")
    page.get_by_role("button", name="验证").click()
    page.get_by_role("alert").wait_for()
    audit.check("双因素验证：验证码错误")
    october_2025.shift(60)  # past the wait after a wrong code, and into the next 30-second code
    enter_code(page, key)
    page.wait_for_url("**/dashboard/")

    audit.assert_clean()


@pytest.fixture
def small_site(transactional_db, django_user_model) -> dict:
    """A unit's catalog (a wide table), an enforcement decision and an open consultation."""
    seed_units()
    civil = Unit.objects.get(code="civil-affairs")
    reviewer = django_user_model.objects.create_user("lead-reviewer")
    membership_grant(user=reviewer, unit=civil, role=Role.REVIEWER)
    published_catalog(Unit.objects.get(code="xiatang"), reviewer)
    make_decision(civil, publish=True, decision_number="鲁民罚〔2025〕1号")
    return {"consultation": consultation(civil, title="鲁山县老旧小区改造方案")}


def luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


FOCUS_RING = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rgb = (text) => (text.match(/rgba?\\([^)]*\\)/g) || []).map((c) => c.match(/[\\d.]+/g).map(Number));
  let node = el.parentElement, background = [255, 255, 255];
  for (; node; node = node.parentElement) {
    const colour = rgb(getComputedStyle(node).backgroundColor)[0];
    if (colour && (colour.length === 3 || colour[3] > 0)) { background = colour; break; }
  }
  const rings = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) rings.push(rgb(style.outlineColor)[0]);
  for (const shadow of style.boxShadow === "none" ? [] : style.boxShadow.split(/,(?![^(]*\\))/)) {
    const lengths = shadow.replace(/rgba?\\([^)]*\\)/, "").trim().split(/\\s+/).map(parseFloat);
    if (lengths[3] >= 2) rings.push(rgb(shadow)[0]);  // a spread of 2px or more draws a ring
  }
  return {text: el.textContent.trim(), inMain: !!el.closest("main"), id: el.id, rings, background};
}"""


def focus_ring_contrast(page) -> tuple[dict, float]:
    """The focused element and the best contrast of its focus rings against what is behind them."""
    ring = page.evaluate(FOCUS_RING)
    return ring, max((contrast(colour, ring["background"]) for colour in ring["rings"]), default=1.0)


def test_keyboard_skip_link_and_a_focus_ring_seen_on_every_background(live_server, small_site, page):
    page.goto(f"{live_server.url}/enforcement/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到主要内容")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["width"] > 0  # shown on screen once focused

    page.keyboard.press("Tab")  # the site name, on the red header
    ring, ratio = focus_ring_contrast(page)
    assert ring["text"] == "鲁山县政务公开平台" and ratio >= 3, ring

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main") and page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the first control of the content, on white
    ring, ratio = focus_ring_contrast(page)
    assert ring["inMain"] and ratio >= 3, ring


def test_printing_leaves_out_navigation_and_forms_and_keeps_wide_tables_whole(live_server, small_site, page):
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")

    page.goto(f"{live_server.url}/enforcement/?kind=penalty")
    for hidden in (".site-nav", ".site-header form", "main form", ".print-row"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("main h1").is_visible()
    assert page.get_by_role("link", name="鲁民罚〔2025〕1号", exact=False).first.is_visible()
    assert page.locator(".site-footer").is_visible()

    page.goto(f"{live_server.url}/consultations/{small_site['consultation'].pk}/")
    assert page.locator("#comment-form").is_hidden()
    assert "鲁山县老旧小区改造方案" in page.locator("main h1").inner_text()

    page.goto(f"{live_server.url}/units/xiatang/social-assistance/")
    table = page.locator("main table").first
    assert table.is_visible()
    width = page.evaluate("document.documentElement.clientWidth")
    cut = table.evaluate(
        "t => { const box = t.closest('.table-scroll') || t.parentElement;"
        " return box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible'; }"
    )
    assert table.bounding_box()["x"] + table.bounding_box()["width"] <= width + 1 and not cut
