"""Which actors are authorities: bodies or officials that supervise, grant or punish, as opposed to the units and
people whose duties they oversee."""
from __future__ import annotations

import re

# parties that impose penalties and grant approvals, as opposed to those who bear duties
_AUTHORITY = {
    "zh": re.compile(r"(?:部门|机关|机构|人民政府|国务院|委员会|办公室|总局|监察局|管理局|监督局|消防救援|公安|"
                     r"法院|检察院)$"),
    # looked for in the phrase's head, before 'of' / 'who' ...: 'the operator … to the Secretary' is no authority
    "en": re.compile(r"\b(?:Secretary|Administrator|Commission|Commissioner|Board|Attorney General|Solicitor|"
                     r"Comptroller General|Inspector General|President|Bureau|agency|agencies|department|Director|"
                     r"Chairman|court|Governor|committee|government|institution|State|Institute|Panel)s?\b", re.I),
}
_EN_HEAD = re.compile(r"\s+(?:of|who|whom|which|that|against|under|for|to)\s+", re.I)
_EN_OFFICIAL = re.compile(r"\b(?:representative|delegate)s? of the (?:Secretary|Administrator|Board)\b|"
                          r"^(?:the )?heads? of (?:each|any|every|the|a) .*\bagenc(?:y|ies)\b", re.I)


# a unit's own safety body ("生产经营单位的安全生产管理机构") and a villagers' or residents' committee bear duties;
# they supervise no one; nor do the bodies that serve, test, certify, diagnose or train for a fee ("消防技术服务机构",
# "特种设备检验机构", "承担安全评价、认证、检测、检验职责的机构", "医疗卫生机构")
_ZH_NOT_AUTHORITY = re.compile(r"(?:单位|企业)的[^的]*机构$|(?:村民|居民)委员会$|"
                               r"(?:评价|认证|检测|检验|鉴定|诊断|服务|培训|医疗|卫生)(?:等?职责的)?机构$")


def is_authority(actor: str, lang: str) -> bool:
    """A body or official that supervises, grants or punishes: '应急管理部门', 'the Secretary', 'The relevant
    departments of people's governments', 'an authorized representative of the Secretary'."""
    actor = actor.strip()
    if lang == "zh":
        return bool(_AUTHORITY["zh"].search(actor)) and not _ZH_NOT_AUTHORITY.search(actor)
    return bool(_AUTHORITY["en"].search(_EN_HEAD.split(actor)[0]) or _EN_OFFICIAL.search(actor))
