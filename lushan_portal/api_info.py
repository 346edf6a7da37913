"""What the API tells its readers about itself, in Chinese: its groups (OpenAPI tags), its
rate limits in words, and the schema's description. Plain Python, so settings.py can use it.

The guide at /api/ and the interactive docs at /api/docs/ both read these through the schema.
"""

import re

# One group per router prefix, in the order the guide lists them (api_schema.PortalAutoSchema
# gives every operation of /api/<prefix>/ this tag). A prefix missing here keeps its English
# tag, which has no description, and the schema test fails on it.
ENDPOINT_TAGS: dict[str, tuple[str, str]] = {
    "units": (
        "公开单位",
        "县人民政府、县政府部门、乡镇（街道）等公开主体：代码、名称、类型、上级单位和联系方式。"
        "其他接口以单位代码（code）指称单位。",
    ),
    "domains": (
        "公开领域",
        "基层政务公开标准化规范化的 26 个试点领域，及其县级牵头部门和已发布本领域目录的单位数。",
    ),
    "catalogs": (
        "标准目录",
        "各单位已发布的政务公开事项标准目录（每个单位每个领域一份，只列现行版本）。",
    ),
    "catalog-items": (
        "目录事项",
        "已发布目录中的每一项：一级、二级事项，公开内容、依据、时限、主体、渠道、对象、方式和层级。",
    ),
    "publications": (
        "公开信息",
        "各单位在目录事项下发布的具体信息，含信息形成日期、发布日期和应公开日期。",
    ),
    "policies": (
        "政策文件",
        "已发布的政策文件（行政规范性文件、重要政策等）及其政策解读“三同步”情况。",
    ),
    "interpretations": (
        "政策解读",
        "已发布的政策解读：文字、图解、视频、流程、问答、专家解读、在线访谈等各种形式。",
    ),
    "major-decisions": (
        "重大行政决策",
        "年度重大行政决策事项目录、公开征求意见的决策草案和意见采纳情况反馈；"
        "征求意见期间可通过接口提交意见。涉密事项只显示其存在。",
    ),
    "consultation-comments": (
        "公众意见",
        "审核后公开的公众意见正文（不含提交人姓名和联系方式，正文中的个人信息已隐去）。",
    ),
    "enforcement": (
        "执法公示",
        "行政许可和行政处罚决定的公示信息（双公示）：自然人姓名等个人信息已按规定隐去，公示期满的决定不再公开。",
    ),
    "service-guides": (
        "办事指南",
        "已发布的政务服务事项办事指南：设定依据、申请条件、申请材料、办理流程、地点、时间、时限、收费和咨询监督电话。",
    ),
    "work-tasks": (
        "重点任务和民生实事",
        "政府工作报告重点任务和民生实事项目：牵头单位、目标、计划完成时间和各期进展（个人信息已隐去）。",
    ),
    "rectifications": (
        "督查审计整改",
        "督查、审计发现问题的整改：问题、整改单位、期限、措施和经审查发布的完成情况（个人信息已隐去）。",
    ),
    "power-items": (
        "权责清单",
        "各单位现行权责清单中的职权：类型、编码、名称、子项、实施依据、实施主体、责任事项和追责情形；"
        "可按单位、类型查询，按名称或依据查找。",
    ),
    "power-adjustments": (
        "权责清单调整",
        "权责清单的动态调整记录：每次调整的日期、原因、依据，以及新增、变更、取消的职权。",
    ),
    "unit-profiles": (
        "机构概况",
        "各单位的机构概况各版本：主要职能、内设机构及职责、领导姓名职务分工、办公地址、办公时间和联系电话。",
    ),
    "site-feedback": (
        "网站找错",
        "仅限工作人员：公众通过“我为政府网站找错”提交的报告及其答复（不含报告人联系方式）。",
    ),
    "disclosure-requests": (
        "依申请公开",
        "仅限工作人员：本单位受理的政府信息公开申请、答复期限及其计算说明、中止期间和答复结果"
        "（督查员可看全部单位，申请人信息隐去部分）；不对公众开放。",
    ),
    "letters": (
        "信箱留言",
        "仅限工作人员：本单位承办的县长信箱、部门信箱和咨询留言，及其受理、转交、答复期限和三个月红线"
        "（督查员可看全部单位；不含留言人姓名和联系方式）；不对公众开放。",
    ),
    "proposal-replies": (
        "建议提案答复",
        "涉及公共利益、经审查后全文公开的人大代表建议和政协委员提案答复：提出人、主办单位、交办和答复日期、办理结果类别。",
    ),
    "concern-responses": (
        "回应关切",
        "已公开的社会关切回应：关切事项、回应方式、时间、链接和摘要。",
    ),
    "alerts": (
        "督查预警",
        "仅限工作人员：本人所属单位逾期未公开、未解读、未反馈等预警（督查员可看全部单位）。",
    ),
    "inspection-findings": (
        "网站自查",
        "仅限工作人员：对照政府网站检查指标每日自查发现的问题（栏目、首页、互动、链接、内容、标识等），"
        "本人所属单位的（督查员可看全部单位及县级问题）。",
    ),
}
TAGS = [{"name": name, "description": description} for name, description in ENDPOINT_TAGS.values()]

# DRF reads only the first letter of the period ("120/minute", "120/min", "120/m").
RATE_PATTERN = re.compile(r"^(?P<count>[1-9][0-9]*)/(?P<period>s|sec|second|m|min|minute|h|hour|d|day)$")
PERIOD_WORDS = {"s": "每秒", "m": "每分钟", "h": "每小时", "d": "每天"}


def rate_text(rate: str) -> str:
    """'120/minute' → '每分钟最多 120 次'."""
    match = RATE_PATTERN.match(rate)
    if match is None:
        raise ValueError(f"not a rate: {rate!r}")
    return f"{PERIOD_WORDS[match['period'][0]]}最多 {match['count']} 次"


def licence_text(licence: str) -> str:
    """The data licence as set, or who decides it when the setting is blank."""
    return licence.strip() or "数据的使用条件由门户运营单位确定。"


def schema_description(*, portal_name: str, licence: str, anonymous_rate: str, user_rate: str) -> str:
    """The OpenAPI description (Markdown), shown at the top of /api/docs/."""
    return (
        f"{portal_name}的数据接口：以 JSON 格式免费提供本平台已公开的政府信息。"
        "逐项说明、示例请求和示例回答见本站[数据接口说明](/api/)。\n\n"
        f"**数据使用**：{licence_text(licence)}\n\n"
        f"**访问频率**：未登录时每个网络地址{rate_text(anonymous_rate)}，登录后每个账号"
        f"{rate_text(user_rate)}；超过时回答 429，并在 Retry-After 头中给出需等待的秒数。\n\n"
        "**身份认证**：公开数据无需登录。标注需要登录的接口只接受工作人员在本网站登录后的会话"
        "（Cookie），须使用双因素认证的角色还要先完成验证；本平台不签发接口令牌。"
        "修改数据的请求须带 X-CSRFToken 头。\n\n"
        "**个人信息**：自然人姓名、身份证号、住址、电话等按规定隐去，任何接口都不提供。"
    )
