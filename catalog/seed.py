"""The 26 domains (国办发〔2019〕54号) with their usual county lead departments (rules.md §1)."""

from catalog.models import Domain
from organizations.models import Unit

# (code, name, lead unit code)
DOMAINS = [
    ("planning", "城乡规划", "natural-resources"),
    ("land-compensation", "征地补偿", "natural-resources"),
    ("major-projects", "重大建设项目", "development-reform"),
    ("public-resources", "公共资源交易", "public-resources"),
    ("budget", "财政预决算", "finance"),
    ("work-safety", "安全生产", "emergency"),
    ("disaster-relief", "救灾", "emergency"),
    ("tax", "税收管理", "taxation"),
    ("housing-expropriation", "国有土地上房屋征收与补偿", "housing"),
    ("rural-housing", "农村危房改造", "housing"),
    ("affordable-housing", "保障性住房", "housing"),
    ("urban-enforcement", "城市综合执法", "urban-management"),
    ("municipal", "市政服务", "housing"),
    ("environment", "生态环境", "ecology-environment"),
    ("culture", "公共文化服务", "culture-tourism"),
    ("legal-services", "公共法律服务", "justice"),
    ("poverty-alleviation", "扶贫", "poverty-alleviation"),
    ("social-assistance", "社会救助", "civil-affairs"),
    ("elderly-care", "养老服务", "civil-affairs"),
    ("food-drug", "食品药品监管", "market-regulation"),
    ("employment", "就业", "human-resources"),
    ("social-insurance", "社会保险", "human-resources"),
    ("household-registration", "户籍管理", "public-security"),
    ("farm-subsidies", "涉农补贴", "agriculture"),
    ("education", "义务教育", "education"),
    ("health", "医疗卫生", "health"),
]


def seed_domains() -> int:
    """Create missing domains and link lead units that exist; never overwrite an edit."""
    created = 0
    units = dict(Unit.objects.values_list("code", "pk"))
    existing = {domain.code: domain for domain in Domain.objects.all()}
    for order, (code, name, lead) in enumerate(DOMAINS, start=1):
        domain = existing.get(code)
        if domain is None:
            Domain.objects.create(code=code, name=name, sort_order=order, lead_unit_id=units.get(lead))
            created += 1
        elif domain.lead_unit_id is None and lead in units:
            domain.lead_unit_id = units[lead]
            domain.save(update_fields=["lead_unit"])
    return created
