"""The one masking module: what free text loses on its way out, and what it keeps."""

import pytest

from lushan_portal.masking import (
    HIDDEN,
    KIND_ADDRESS,
    KIND_BANK_CARD,
    KIND_GIVEN_NAME,
    KIND_ID_NUMBER,
    KIND_IDENTIFIER,
    KIND_LANDLINE,
    KIND_MOBILE,
    KIND_NAME,
    MASKING_WARNING,
    describe,
    find_personal_data,
    mask_person_name,
    masking_warning,
    scrub_text,
)

NAMES = ["张三丰"]

MASKED = [
    # (text, kind, the fragment found, what the public sees instead of the whole text)
    ("身份证号410423198807150033。", KIND_ID_NUMBER, "410423198807150033", f"身份证号{HIDDEN}。"),
    ("身份证号4104 2319 8807 1500 33。", KIND_ID_NUMBER, "4104 2319 8807 1500 33", f"身份证号{HIDDEN}。"),
    ("身份证号410423-19880715-0033。", KIND_ID_NUMBER, "410423-19880715-0033", f"身份证号{HIDDEN}。"),
    ("身份证号410423 19880715 003X。", KIND_ID_NUMBER, "410423 19880715 003X", f"身份证号{HIDDEN}。"),
    ("旧证号410423880715003。", KIND_ID_NUMBER, "410423880715003", f"旧证号{HIDDEN}。"),
    (
        "证号４１０４２３１９８８０７１５００３３",
        KIND_ID_NUMBER,
        "４１０４２３１９８８０７１５００３３",
        f"证号{HIDDEN}",
    ),
    ("手机13800138000。", KIND_MOBILE, "13800138000", f"手机{HIDDEN}。"),
    ("手机138 0013 8000。", KIND_MOBILE, "138 0013 8000", f"手机{HIDDEN}。"),
    ("手机138-0013-8000。", KIND_MOBILE, "138-0013-8000", f"手机{HIDDEN}。"),
    ("手机１３８－００１３－８０００。", KIND_MOBILE, "１３８－００１３－８０００", f"手机{HIDDEN}。"),
    ("手机+86 138 0013 8000。", KIND_MOBILE, "+86 138 0013 8000", f"手机{HIDDEN}。"),
    ("座机0375-1234567。", KIND_LANDLINE, "0375-1234567", f"座机{HIDDEN}。"),
    ("座机(0375)1234567。", KIND_LANDLINE, "(0375)1234567", f"座机{HIDDEN}。"),
    ("联系电话：1234567。", KIND_LANDLINE, "1234567", f"联系电话：{HIDDEN}。"),
    ("卡号6222021234567890128。", KIND_BANK_CARD, "6222021234567890128", f"卡号{HIDDEN}。"),
    ("卡号6222 0212 3456 7890 128。", KIND_BANK_CARD, "6222 0212 3456 7890 128", f"卡号{HIDDEN}。"),
    ("卡号6222-0212-3456-7890。", KIND_BANK_CARD, "6222-0212-3456-7890", f"卡号{HIDDEN}。"),
    ("住琴台街道幸福路88号。", KIND_ADDRESS, "88号", f"住琴台街道幸福路{HIDDEN}。"),
    ("住幸福路88-2号3栋2单元301室。", KIND_ADDRESS, "88-2号3栋2单元301室", f"住幸福路{HIDDEN}。"),
    ("住阳光小区3栋2单元。", KIND_ADDRESS, "3栋2单元", f"住阳光小区{HIDDEN}。"),
    ("住幸福村１２号。", KIND_ADDRESS, "１２号", f"住幸福村{HIDDEN}。"),
    ("张三丰在车站喧哗。", KIND_NAME, "张三丰", "张**在车站喧哗。"),
    ("当事人三丰在车站喧哗。", KIND_GIVEN_NAME, "三丰", "当事人**在车站喧哗。"),
]

KEPT = [
    "2026-01-15",
    "2026年1月15日10时30分",
    "20260115",
    "鲁政〔2026〕12号",
    "鲁政办〔2026〕3号文件",
    "罚款5000元",
    "罚款人民币1,000,000元",
    "罚款0.5万元",
    "《中华人民共和国治安管理处罚法》第二十三条第一款第（二）项",
    "第23条",
    "统一社会信用代码91410423MA44X12345",
    "注册号410423000012345",
    "食品经营许可证JY14104230012345678",
    "2026-01-15至2026-03-15",
    "张三说明了情况",  # a one-character given name (三) alone is not masked
    "鲁山县民政局",
]


@pytest.mark.parametrize(("text", "kind", "fragment", "public"), MASKED)
def test_personal_data_in_free_text_is_found_and_masked(text, kind, fragment, public):
    findings = find_personal_data(text, names=NAMES)
    assert [(f.kind, f.text) for f in findings] == [(kind, fragment)]
    assert scrub_text(text, names=NAMES) == public


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_is_kept(text):
    assert find_personal_data(text, names=NAMES) == []
    assert scrub_text(text, names=NAMES) == text


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("张三丰", "张**"), ("欧阳锋", "欧阳*"), ("欧阳", "欧*"), ("司马相如", "司马**")],
)
def test_names_become_surname_and_asterisks(name, masked):
    assert mask_person_name(name) == masked


def test_a_compound_surnames_given_name_is_masked_alone_and_the_full_name_first():
    text = scrub_text("司马相如称，相如当日不在场。", names=["司马相如"])
    assert text == "司马**称，**当日不在场。"


def test_a_one_character_given_name_is_not_masked_alone():
    assert scrub_text("张伟说伟大的事业明确了。", names=["张伟"]) == "张*说伟大的事业明确了。"


def test_the_partys_own_identifier_is_masked_whatever_its_shape():
    findings = find_personal_data("护照号E12345678，已核实。", identifiers=["E12345678"])
    assert [(f.kind, f.text, f.masked) for f in findings] == [(KIND_IDENTIFIER, "E12345678", HIDDEN)]


def test_a_date_next_to_a_phone_is_kept_and_the_phone_masked():
    assert scrub_text("2026-01-15 13800138000") == f"2026-01-15 {HIDDEN}"


def test_several_findings_in_one_text_keep_the_rest_of_it():
    text = "张三丰（身份证4104 2319 8807 1500 33，电话138-0013-8000）2026-01-15在幸福路88号占道经营，罚款5000元。"
    assert scrub_text(text, names=NAMES) == (
        f"张**（身份证{HIDDEN}，电话{HIDDEN}）2026-01-15在幸福路{HIDDEN}占道经营，罚款5000元。"
    )


def test_the_warning_lists_each_fragment_with_its_masked_form():
    findings = find_personal_data("电话138 0013 8000", names=NAMES)
    warning = masking_warning(describe(f, "违法事实") for f in findings)
    assert warning == MASKING_WARNING % {"items": f"违法事实：手机号「138 0013 8000」→「{HIDDEN}」"}
    assert masking_warning([]) == ""
