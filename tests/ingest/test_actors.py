"""Who must act: explicit subjects, bodies after 由, inherited lead-ins, canonical names and successors."""
from __future__ import annotations

import pytest

from ingest.actors import canon, en, explicit_actors, find_actors, with_actors, zh
from ingest.structure import split
from ingest.types import Clause, Document
from tests.helpers import CORPUS_SOURCES, MINE_ACT, SEED, file_document, needs_shared, text_document


@pytest.mark.parametrize("text,expected", [
    ("第十条 国务院应急管理部门依照本法，对全国安全生产工作实施综合监督管理；"
     "县级以上地方各级人民政府应急管理部门依照本法，对本行政区域内安全生产工作实施综合监督管理。",
     ["国务院应急管理部门", "县级以上地方各级人民政府应急管理部门"]),
    ("第五条 任何单位和个人都有维护消防安全的义务。", ["任何单位", "个人"]),
    # a body's members act; a phrase after 对 is whom the duty is over; an item opening with 确定 / 指定 names a task,
    # and so does a phrase holding 及时 / 告知
    ("事故调查报告应当附具有关证据材料。事故调查组成员应当在事故调查报告上签名。", ["事故调查组成员"]),
    ("对地方各级人民政府和政府部门及其工作人员履行安全监督管理职责实施监察。", []),
    ("（一）确定消防安全管理人，组织实施本单位的消防安全管理工作；", []),
    ("发现电梯存在严重事故隐患时，应当及时告知电梯使用单位，并向负责特种设备安全监督管理的部门报告。", []),
    # "报……验收": the body a matter is filed with for acceptance accepts it; "报" opens no name
    ("第四十条 专职消防队的建立，应当符合国家有关规定，并报当地消防救援机构验收。", ["当地消防救援机构"]),
    ("并报当地消防救援机构验收。", ["当地消防救援机构"]),
    # "任何人" (anyone) bears a duty as a person does
    ("第四十四条 任何人发现火灾都应当立即报警。任何单位、个人都应当无偿为报警提供便利，不得阻拦报警。",
     ["任何人", "任何单位", "个人"]),
    ("第七十一条 发生危险化学品事故，事故单位主要负责人应当立即按照本单位危险化学品应急预案组织救援。",
     ["事故单位主要负责人"]),
    ("第九十五条 生产经营单位的主要负责人未履行本法规定的安全生产管理职责，导致发生生产安全事故的，"
     "由应急管理部门依照下列规定处以罚款：", ["应急管理部门"]),
    ("第八条 安全生产许可证由国务院安全生产监督管理部门规定统一的式样。", ["国务院安全生产监督管理部门"]),
    ("第一百一十三条 生产经营单位存在下列情形之一的，负有安全生产监督管理职责的部门应当提请地方人民政府予以关闭，"
     "有关部门应当依法吊销其有关证照。", ["负有安全生产监督管理职责的部门", "有关部门"]),
    ("第十条 各级人民政府及其有关部门鼓励安全生产科学技术研究。", ["各级人民政府及其有关部门"]),
    ("第三条 本条例所称危险化学品，是指具有毒害、腐蚀、爆炸、燃烧、助燃等性质的化学品。", []),
    # with no one else acting, the body that approves acts: the last one before the verb
    ("从事烟花爆竹批发的企业和零售经营者的经营布点，应当经安全生产监督管理部门审批。", ["安全生产监督管理部门"]),
    ("遇有特殊情况的，经调查组提出并报国家安全生产监督管理机构批准后，可以适当延长时间。",
     ["国家安全生产监督管理机构"]),
    ("施工单位的主要负责人应当经建设行政主管部门考核合格后方可任职。", ["施工单位的主要负责人"]),
    # after a leading circumstance, the body that refuses ('不予受理') is the subject
    ("第九十六条 违反本法规定，被依法吊销许可证的，自吊销许可证之日起三年内，"
     "负责特种设备安全监督管理的部门不予受理其新的许可申请。", ["负责特种设备安全监督管理的部门"]),
    # a phrase holding a verb is no name: '遵守国家' is what must be done, not who does it
    ("实施爆破作业的，应当遵守国家有关民用爆炸物品管理的规定。", []),
    # an offence is no name: '……拒绝、阻碍……的部门' holds the offender and the body it obstructs
    ("第一百零八条 违反本法规定，生产经营单位拒绝、阻碍负有安全生产监督管理职责的部门依法实施监督检查的，责令改正；"
     "拒不改正的，处二万元以上二十万元以下的罚款。", []),
    # a leading circumstance is no subject; a '负责…的' description is a name; a verb phrase is not
    ("根据国家有关规定，市应急管理部门应当会同有关部门制定危险化学品目录。", ["市应急管理部门"]),
    ("一般事故，负责事故调查的人民政府应当自收到事故调查报告之日起15日内做出批复。", ["负责事故调查的人民政府"]),
    ("申请人持危险化学品经营许可证向工商行政管理部门办理登记手续。", []),
    ("审批部门不对取得批准的单位进行监督检查的，依法追究责任。", []),
    # '负有…职责的部门' names the departments of a government, not the government; 办公室 ends a name
    ("县级以上地方各级人民政府负有安全生产监督管理职责的部门应当加强监督检查。",
     ["县级以上地方各级人民政府负有安全生产监督管理职责的部门"]),
    ("生产经营单位的主要负责人负有下列职责：", ["生产经营单位的主要负责人"]),
    ("提级调查的决定由省、设区的市人民政府负有安全生产监督管理职责的部门或者安全生产委员会办公室提请本级人民政府作出。",
     ["省、设区的市人民政府负有安全生产监督管理职责的部门或者安全生产委员会办公室"]),
    ("市、区安全生产委员会办公室设在同级应急管理部门。", ["市、区安全生产委员会办公室"]),
    # 从 of 从业人员 and 经 of 经营单位 open names, not prepositions
    ("从业人员一百人以上的高危生产经营单位，应当依法设置安全总监。", ["从业人员一百人以上的高危生产经营单位"]),
    ("经营单位应当建立危险化学品购买登记制度。", ["经营单位"]),
    # 业主 heads a name, but not inside 企业主要负责人
    ("煤矿企业主要负责人应当组织制定本单位安全生产规章制度。", ["煤矿企业主要负责人"]),
    ("业主应当组织竣工验收。", ["业主"]),
    # 负责人 ends a name: '单位负责人' is not 单位 before the verb 负责
    ("单位负责人接到报告后，应当于1小时内向县级以上人民政府安全生产监督管理部门报告。", ["单位负责人"]),
    ("事故发生单位负责人应当立即组织救援。", ["事故发生单位负责人"]),
    # "X……的，应当……": X's own condition, X bears the duty; not a size, nor a request that a government act
    ("爆破作业单位跨省、自治区、直辖市行政区域从事爆破作业的，应当事先向公安机关报告。", ["爆破作业单位"]),
    ("煤矿企业有下列情形之一的，属于重大事故隐患，应当立即停止受影响区域生产：", ["煤矿企业"]),
    ("前款规定以外的其他生产经营单位，从业人员超过一百人的，应当设置安全生产管理机构；"
     "从业人员在一百人以下的，应当配备兼职的安全生产管理人员。", ["前款规定以外的其他生产经营单位"]),
    ("煤矿企业存在下列情形之一的，应当提请县级以上地方人民政府予以关闭：", []),
    ("生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款：", []),
    # a verb inside is no name ('要求被检查单位', '委托其他单位'), but 受委托 describes one
    ("（一）要求被检查单位提供有关建设工程安全生产的文件和资料；", []),
    ("受委托对商务楼宇进行管理的物业服务企业应当遵守下列规定：", ["受委托对商务楼宇进行管理的物业服务企业"]),
    # a verb followed by 的 describes what follows it ('国务院公安部门规定的……的单位'): the name goes on
    ("生产、储存剧毒化学品或者国务院公安部门规定的可用于制造爆炸物品的危险化学品的单位，应当如实记录其数量。",
     ["生产、储存剧毒化学品或者国务院公安部门规定的可用于制造爆炸物品的危险化学品的单位"]),
    ("国务院住房和城乡建设主管部门规定的特殊建设工程，建设单位应当将消防设计文件报送住房和城乡建设主管部门审查。",
     ["建设单位"]),
    ("（七）国务院建设行政主管部门或者其他有关部门规定的其他危险性较大的工程。", []),
    ("生产经营单位的主要负责人、分管安全生产的负责人或者安全总监、安全生产管理人员，应当具备安全生产知识。",
     ["生产经营单位的主要负责人", "分管安全生产的负责人", "安全总监", "安全生产管理人员"]),
    ("（六）调动供水、供电、供气、通信、医疗救护、交通运输、环境保护等有关单位协助灭火救援。", []),
    # 有关 and 以及 go on with a name ('国务院有关部门', '……单位以及……单位'); 协会 heads one; a name may run long
    ("国务院有关部门应当按照保障安全生产的要求，依法及时制定有关的国家标准或者行业标准。", ["国务院有关部门"]),
    ("有关行业协会应当加强行业自律和诚信建设，建立健全行业规范。", ["有关行业协会"]),
    ("有关协会组织依照法律、行政法规和章程，为生产经营单位提供安全生产方面的信息、培训等服务。", ["有关协会组织"]),
    ("危险物品的生产、经营、储存、装卸单位以及矿山、金属冶炼、建筑施工、运输单位的主要负责人和安全生产管理人员，"
     "应当由主管的负有安全生产监督管理职责的部门对其安全生产知识和管理能力考核合格。",
     ["危险物品的生产、经营、储存、装卸单位以及矿山、金属冶炼、建筑施工、运输单位的主要负责人和安全生产管理人员",
      "主管的负有安全生产监督管理职责的部门"]),
    ("县级以上人民政府及其负有安全生产监督管理职责的部门和乡、镇人民政府以及街道办事处等地方人民政府派出机关，"
     "应当针对可能发生的生产安全事故的特点和危害，进行风险辨识和评估。",
     ["县级以上人民政府及其负有安全生产监督管理职责的部门和乡、镇人民政府", "街道办事处等地方人民政府派出机关"]),
    # 以及 joins two kinds of party, each whole; not what persons belong to ("……单位以及……单位的主要负责人", above)
    ("机关、团体、企业、事业等单位以及村民委员会、居民委员会应当根据需要，建立志愿消防队。",
     ["机关、团体、企业、事业等单位", "村民委员会", "居民委员会"]),
    # who carries goods as 由……承运 acts; whom a duty works on ('组织……人员', '促进……单位') is no actor
    ("通过内河运输危险化学品，应当由依法取得危险货物水路运输许可的水路运输企业承运。",
     ["依法取得危险货物水路运输许可的水路运输企业"]),
    ("（一）组织营救和救治受害人员，转移、疏散、撤离并妥善安置受到威胁的人员以及采取其他救助措施；", []),
    ("促进生产经营单位加强安全生产管理", []),
    ("并安排专门人员进行现场安全管理。", []),  # a fragment of "……应当采取专门安全技术措施，并安排……"
    ("矿山企业职工必须遵守有关矿山安全的法律、法规和企业规章制度。", ["矿山企业职工"]),
    # "……单位的……人员的任免，应当告知……": the units act; not a condition ("涉及用人单位的秘密的，应当……")
    ("危险物品的生产、储存单位以及矿山、金属冶炼单位的安全生产管理人员的任免，应当告知主管的负有安全生产监督管理职责的部门。",
     ["危险物品的生产、储存单位", "矿山、金属冶炼单位"]),
    ("涉及用人单位的秘密的，应当为其保密。", []),
    # whom a sentence's party reports to ("……，通报有关部门、证券监督管理机构以及有关金融机构") acts for no one
    ("通报有关部门、证券监督管理机构以及有关金融机构，并按照国家有关规定实施联合惩戒。", []),
    ("（二）通知可能受到事故影响的单位和人员，隔离事故现场，划定警戒区域；", []),
    # 管理者 and 船舶 head names; "……的船舶，其所有人或者经营人应当": the owner acts, not "……的单位，其使用条件"
    ("第八条 大型群众性活动的场所管理者具体负责下列安全事项：", ["大型群众性活动的场所管理者"]),
    ("载运危险化学品的船舶在内河航行、装卸或者停泊，应当悬挂专用的警示标志。", ["载运危险化学品的船舶"]),
    ("通过内河运输危险化学品的船舶，其所有人或者经营人应当取得船舶污染损害责任保险证书。", ["所有人", "经营人"]),
    ("使用危险化学品的单位，其使用条件(包括工艺)应当符合法律、行政法规的规定。", ["使用危险化学品的单位"]),
    # a name may open with 从事 (not the preposition 从); 总指挥 and 指挥部 head names
    ("从事烟花爆竹零售的经营者，不得销售应由专业燃放人员燃放的烟花爆竹。", ["从事烟花爆竹零售的经营者"]),
    ("火灾现场总指挥根据扑救火灾的需要，有权决定下列事项：", ["火灾现场总指挥"]),
    # a phrase with a verb inside names no one: the approving body acts
    ("矿山、金属冶炼建设项目和用于生产、储存、装卸危险物品的建设项目的安全设施设计应当按照国家有关规定报经有关部门审查。",
     ["有关部门"]),
])
def test_chinese_actors(text, expected):
    assert zh.actors(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("(b) Each employee shall comply with occupational safety and health standards.", ["Each employee"]),
    # a mine's own officers act; a phrase of time before the subject is no part of it
    ("(v) The mine foreman shall read and countersign promptly the daily reports of the pre-shift examiner.",
     ["The mine foreman"]),
    ("Each day, the mine foreman and each of his assistants shall enter plainly and sign with ink or indelible "
     "pencil in a book.", ["the mine foreman and each of his assistants"]),
    ("If, upon inspection, the Secretary believes that an employer has violated a requirement, he shall issue a "
     "citation.", ["the Secretary"]),
    ("The Secretary or the Secretary of Health and Human Services, as the case may be, shall publish the findings.",
     ["The Secretary", "the Secretary of Health and Human Services"]),
    ("This chapter shall apply with respect to employment performed in a workplace in a State.", []),
    ("The determinations of the Secretary shall be conclusive.", []),
    ("Such standards shall be promulgated by the Secretary of Labor after a hearing.", ["the Secretary of Labor"]),
    # whoever 'shall receive' something is its recipient, not the one who must act
    ("(1) new miners having no underground mining experience shall receive no less than 40 hours of training.",
     []),
    # a modal inside a relative clause belongs to it: the subject comes after
    ("As soon as practicable after an accident, and for which the Board will serve as the lead agency, the "
     "Chairman of the Board shall designate a director.", ["the Chairman of the Board"]),
    ("In order to carry out the purposes of this chapter, the Secretary, upon presenting credentials to the owner, "
     "operator, or agent in charge, is authorized to enter.", ["the Secretary"]),
    # a lead-in cut short before its verb still ends with its subject
    ("As soon as practicable, and for which the Board will serve as the lead agency, the Chairman of the …",
     ["the Chairman"]),
    ("It shall be the responsibility of the head of each Federal agency (not including the United States Postal "
     "Service) to establish and maintain an effective program.", ["the head of each Federal agency"]),
    ("On request, the Secretary shall publish the list.", ["the Secretary"]),
    # the passive names its actor after 'by'
    ("All accidents, including unintentional roof falls, shall be investigated by the operator or his agent to "
     "determine the cause.", ["the operator or his agent"]),
    ("No unsolicited communication may be made by an attorney (including any associate) or any potential party "
     "to the litigation.", ["an attorney"]),
    ("All miners who are idled due to such order shall be fully compensated for lost time.", []),
    # 'by' after a participle that only describes a noun names no actor; after the passive verb it does
    ("Such form shall be submitted to the Administrator and to an official or officials of the State designated "
     "by the Governor on or before July 1.", []),
    ("Cases shall be assigned to administrative law judges in rotation by the Chairman of the Commission.",
     ["the Chairman of the Commission"]),
    # an item that continues its lead-in with a verb has no subject of its own; 'which shall' is a relative clause
    ("(2) designate an independent nonprofit organization, with experience in disasters, which shall have primary "
     "responsibility for coordinating the emotional care of the families.", []),
    # a modal inside a parenthesis is not the sentence's: its subject comes after it
    ("If the Secretary has reason to believe that an employer has failed to correct a violation within the period "
     "permitted for its correction (which period shall not begin to run until the date of the final order), the "
     "Secretary shall notify the employer.", ["the Secretary"]),
    ("Any employer who fails to correct a violation within the period permitted for its correction (which period "
     "shall not begin to run until the date of the final order of the Commission in the case of any review "
     "proceeding initiated by the employer in good faith and not solely for delay), may be assessed a civil penalty "
     "of not more than $7,000 for each day.", []),
    # 'is also authorized' is a modal too; the Comptroller General is an agent
    ("The Secretary is also authorized to conduct, directly or by grants or contracts, short-term training of "
     "personnel.", ["The Secretary"]),
    ("The Comptroller General shall evaluate and audit Board programs, operations, and activities, including",
     ["The Comptroller General"]),
    # what the subject receives or is subject to, given by whom: that one acts; an approval only describes
    ("All miners who are idled by such order shall be entitled, regardless of the result of any review of such "
     "order, to full compensation by the operator at their regular rates of pay.", ["the operator"]),
    ("Any operator who violates a standard shall be subject to a civil penalty assessed by the Commission.",
     ["the Commission"]),
    ("Any miner who is reassigned to a new task shall receive training in accordance with a training plan "
     "approved by the Secretary.", []),
    # a sentence adverb before the subject is no part of it
    ("However, those departments, agencies, or instrumentalities shall give priority to Board investigations.",
     ["those departments, agencies, or instrumentalities"]),
    ("Thereafter, the Secretary of Health and Human Services shall review such criteria annually.",
     ["the Secretary of Health and Human Services"]),
    ("Thereafter, if a substance first becomes present at such facility, the owner or operator of the facility "
     "shall notify the commission.", ["the owner or operator of the facility"]),
    # an agent between the commas of a leading circumstance is the whole phrase there, not a clause with a verb
    ("However, if as a result of subsequent violations, the operator reestablishes a pattern of violations, "
     "paragraphs (1) and (2) shall again be applicable to such operator.", []),
    # a subject's asides and the parties it consults or acts through are no part of it (29 U.S.C. 669a, 30 U.S.C.
    # 961(e), 953(a))
    ("The Secretary of Health and Human Services (referred to in this section as the “Secretary”), acting through "
     "the Director of the National Institute of Occupational Safety and Health, shall enhance and expand research.",
     ["The Secretary of Health and Human Services"]),
    ("The Director of the Office of Management and Budget in consultation with the Secretary of Labor and the "
     "Secretary of the Interior is authorized and directed to make such determinations as may be necessary.",
     ["The Director of the Office of Management and Budget"]),
    ("The Secretary, in coordination with the Secretary of Health and Human Services and the Secretary of the "
     "Interior, is authorized to make grants.", ["The Secretary"]),
    # a circumstance that runs on to the subject, with no comma after it or opening with 'with' or 'to'
    ("Where miners are exposed to danger from falls of roof, face, and ribs the operator shall examine and test "
     "the roof, face, and ribs before any work or machine is started.", ["the operator"]),
    ("With the consent and cooperation of State agencies charged with administration of State workmen’s "
     "compensation laws, the Secretary may utilize the services of State and local agencies.", ["the Secretary"]),
    ("To be eligible to receive a grant under the authority provided for under paragraph (3)(A), an entity or "
     "institution shall submit an application.", ["an entity or institution"]),
    ("In addition to any authority vested in the Institute by other provisions of this section, the Director, in "
     "carrying out the functions of the Institute, is authorized to conduct research.", ["the Director"]),
    ("Prior to June 30, 1973 , the Secretary may make grants to the States.", ["the Secretary"]),
    # an object or a relative clause's subject at the end of a circumstance is not the sentence's subject (the
    # pronoun after it stands for the circumstance's own agent: 29 U.S.C. 661(d))
    ("Whenever the Commission deems that the convenience of the public or the parties may be promoted, it may "
     "hold hearings elsewhere.", ["the Commission"]),
    ("In any proceeding in which the validity of any interim standard is in issue, no justice, judge, or court of "
     "the United States shall issue any temporary restraining order.", []),
    # too long a relative clause: the name before it acts (42 U.S.C. 11021(a)(1))
    ("The owner or operator of any facility which is required to prepare or have available a material safety data "
     "sheet for a hazardous chemical under the Occupational Safety and Health Act of 1970 [ 29 U.S.C. 651 et seq.] "
     "and regulations promulgated under that Act shall submit a material safety data sheet for each such chemical.",
     ["The owner or operator of any facility"]),
    # an item going on from its lead-in with a verb names no subject; a that-clause's subject does
    ("(3) designates such State agency as the sole agency responsible for administering grants, and contains "
     "satisfactory evidence that such agency will have the authority to carry out the purposes of this section;",
     []),
    ("(7) provides that the designated agency will make such reports to the Secretary;", ["the designated agency"]),
    # the offender a penalty falls on is no actor; the object of 'by' is no subject
    ("A person that knowingly removes a part of a civil aircraft involved in an accident shall be fined under "
     "title 18, imprisoned for not more than 10 years, or both.", []),
    ("Any employer of a miner who knowingly conceals any property shall be guilty of a misdemeanor.", []),
    ("Notwithstanding any limitation, all information reported to or otherwise obtained by the Administrator "
     "under this chapter shall be made available to a duly authorized committee of the Congress.", []),
    # an aside on how the subject acts is no part of it (49 U.S.C. 1137(a)); who gives what a subject receives
    # acts (30 U.S.C. 944); an exception names who may grant it (30 U.S.C. 868(f))
    ("The Inspector General of the Department of Transportation, in accordance with the mission of the Inspector "
     "General to prevent and detect fraud and abuse, shall have authority to review the Board's finances.",
     ["The Inspector General of the Department of Transportation"]),
    ("Any individual whose claim for benefits under this subchapter is denied shall receive from the Secretary a "
     "written statement of the reasons for denial of such claim.", ["the Secretary"]),
    ("Couplers that are used with high-voltage power circuits shall be of the three-phase type with a full metallic "
     "shell, except that the Secretary may permit, under such guidelines as he may prescribe, other couplers.",
     ["the Secretary"]),
    ("During any period in which a State workmen’s compensation law is not included on the list published by the "
     "Secretary each operator of a coal mine in such State shall secure the payment of benefits.",
     ["each operator of a coal mine in such State"]),
    ("The escapeway shall be separated from the belt haulage entries, except that the Secretary or his authorized "
     "representative may permit such separation to be extended.", ["the Secretary or his authorized representative"]),
    # asides after the subject; a subject that lists agents; a grant's recipient acts (29 U.S.C. 665, 674)
    ("The Secretary, on the record, after notice and opportunity for a hearing may provide such reasonable "
     "limitations.", ["The Secretary"]),
    ("The Secretary or the Secretary of Health and Human Services, and the Comptroller General of the United States, "
     "or any of their duly authorized representatives, shall have access for the purpose of audit.",
     ["The Secretary", "the Secretary of Health and Human Services", "the Comptroller General of the United States",
      "any of their duly authorized representatives"]),
    ("Each recipient of a grant under this chapter shall keep such records as the Secretary shall prescribe.",
     ["Each recipient of a grant under this chapter"]),
    # a list whose parts are not agents, though an agent stands in them, is no subject
    ("The name of the person giving such notice and the names of individual miners referred to therein shall not "
     "appear in such copy.", []),
    ("Any information obtained by the Secretary, the Secretary of Health and Human Services, or a State agency "
     "under this chapter shall be obtained with a minimum burden upon employers.", []),
    # a circumstance that ends in a list of agents; a list split at its commas; solicitors and commissioners
    # (29 U.S.C. 664, 30 U.S.C. 822, 957)
    ("In any such proceeding the Secretary, the Commission, or the court shall issue such orders as may be "
     "appropriate to protect the confidentiality of trade secrets.", ["the Secretary", "the Commission", "the court"]),
    ("Except as provided in section 518(a) of title 28 , relating to litigation before the Supreme Court, the "
     "Solicitor of Labor may appear for and represent the Secretary in any civil litigation.",
     ["the Solicitor of Labor"]),
    ("The Secretary, the Secretary of Health and Human Services, the Commissioner of Social Security, and the Panel "
     "shall each submit an annual report.", ["The Secretary", "the Secretary of Health and Human Services",
                                             "the Commissioner of Social Security", "the Panel"]),
    # a modal inside a that-clause of the circumstance is not the sentence's; a pronoun stands for the agent that
    # acts in the circumstance, not one that undergoes a verb (49 U.S.C. 1131(a)(2)(B), 29 U.S.C. 655(b)(2))
    ("If the Attorney General, in consultation with the Chairman of the Board, determines and notifies the Board "
     "that circumstances reasonably indicate that the accident may have been caused by an intentional criminal act, "
     "the Board shall relinquish investigative priority.", ["the Board"]),
    ("Where an advisory committee is appointed and the Secretary determines that a rule should be issued, he shall "
     "publish the proposed rule within sixty days.", ["the Secretary"]),
    # an exception between commas is no part of a subject; an item going on with 'including' has none of its own
    # (30 U.S.C. 865(d), 865(a)(10)(D))
    ("All power-connection points, except where permissible power connection units are used, outby the last open "
     "crosscut shall be in intake air.", []),
    ("(D) including such other information as the Panel may require.", []),
])
def test_english_actors(text, expected):
    assert en.actors(text) == expected


def test_a_lead_in_that_is_itself_the_subject():
    assert en.heading_actor("(a) Each employer") == "Each employer"
    assert en.heading_actor("(b) Procedure for promulgation, modification, or revocation of standards") == ""
    assert en.heading_actor("(e) Trade secrets") == ""


def test_canonical_names_levels_and_successors():
    assert canon.canonical("县级以上地方各级人民政府应急管理部门") == ("应急管理部门", "county and above", "")
    assert canon.canonical("国务院应急管理部门") == ("应急管理部门", "national", "")
    assert canon.canonical("安全生产监督管理部门") == ("安全生产监督管理部门", "", "应急管理部门")
    assert canon.canonical("县级以上人民政府质量监督检验检疫部门")[2] == "市场监督管理部门"
    assert canon.canonical("国务院") == ("国务院", "national", "")
    assert canon.canonical("负有安全生产监督管理职责的部门")[2] == ""
    terms = canon.definitions(["(1) The term “Secretary” means the Secretary of Labor."])
    assert canon.canonical("the Secretary", terms) == ("Secretary of Labor", "", "")


def test_seed_items_inherit_their_lead_in_or_name_their_own():
    units = {c.clause_id.split("/", 1)[1]: with_actors(c) for c in split(file_document(SEED))}
    item = units["s1/l3/l1/l1/2"]
    assert [(a.text, a.how) for a in item.actors] == [
        ("The relevant departments of people's governments at all levels", "inherited")]
    licence = units["s1/l3/l1/l1/5"]
    assert licence.actors[0].text.startswith("The government departments or institutions that implement")
    assert licence.actors[0].how == "explicit"


def test_items_that_only_name_a_party_under_a_lead_in_of_parties_name_it():
    doc = text_document("第十四条 下列单位应当建立应急值班制度，配备应急值班人员：\n"
                        "（一）县级以上人民政府及其负有安全生产监督管理职责的部门；\n"
                        "（二）危险物品的生产、经营、储存、运输单位以及矿山、金属冶炼、城市轨道交通运营、"
                        "建筑施工单位；\n"
                        "（三）应急救援队伍。\n第十五条 对下列生产经营单位应当进行重点检查：\n（一）高危生产经营单位；")
    found = {c.clause_id.split("/", 1)[1]: [(a.text, a.how) for a in with_actors(c).actors] for c in split(doc)}
    assert found["a14/i1"] == [("县级以上人民政府及其负有安全生产监督管理职责的部门", "explicit")]
    assert found["a14/i2"] == [("危险物品的生产、经营、储存、运输单位", "explicit"),
                               ("矿山、金属冶炼、城市轨道交通运营、建筑施工单位", "explicit")]
    assert found["a14/i3"] == [("应急救援队伍", "explicit")]
    assert found["a15/i1"] == []  # the units are inspected, not the ones who act
    # an item listing kinds of party that no actor head ends is the party, as one
    doc = text_document("第三十九条 下列单位应当建立单位专职消防队，承担本单位的火灾扑救工作：\n"
                        "（一）大型核设施单位、大型发电厂、民用机场、主要港口；\n"
                        "（二）储备可燃的重要物资的大型仓库、基地。\n第四十条 专职消防队的建立，应当符合国家有关规定。")
    found = {c.clause_id.split("/", 1)[1]: [(a.text, a.how) for a in with_actors(c).actors] for c in split(doc)}
    assert found["a39/i1"] == [("大型核设施单位、大型发电厂、民用机场、主要港口", "explicit")]
    assert found["a39/i2"] == [("储备可燃的重要物资的大型仓库、基地", "explicit")]


def test_a_chapter_of_one_partys_duties_names_that_party_for_a_clause_naming_no_one():
    doc = text_document("第一章 总则\n第一条 本条例适用于煤矿安全生产。\n"
                        "第二章 煤矿企业的安全生产责任\n第二条 井工煤矿应当有两个能行人的安全出口。\n"
                        "第三条 煤矿企业主要负责人对本企业安全生产工作全面负责。\n"
                        "第三章 监督管理\n第四条 安全出口的设置应当符合国家标准。")
    found = {c.clause_id.split("/", 1)[1]: [(a.text, a.how) for a in with_actors(c).actors] for c in split(doc)}
    assert found["a2"] == [("煤矿企业", "inherited")]
    assert found["a3"] == [("煤矿企业主要负责人", "explicit")]  # a clause's own subject comes first
    assert found["a1"] == found["a4"] == []  # chapters that are not one party's


def test_a_paragraph_whose_penalty_another_law_sets_inherits_no_enforcer():
    doc = text_document("第七十七条 未取得安全生产许可证从事危险化学品生产的，由安全生产监督管理部门责令停止生产。\n\n"
                        "第七十八条 有下列情形之一的，由安全生产监督管理部门责令改正，可以处5万元以下的罚款：\n\n"
                        "（一）未对其铺设的管道设置明显标志的；\n\n（二）未对管道定期检查的。\n\n"
                        "从事危险化学品生产的企业未将其安全评价报告报送备案的，由安全生产监督管理部门责令改正。\n\n"
                        "储存剧毒化学品的单位未设置治安保卫机构的，依照《企业事业单位内部治安保卫条例》的规定处罚。")
    units = {c.clause_id.split("/", 1)[1]: with_actors(c) for c in split(doc)}
    assert [a.text for a in units["a78/i1"].actors] == ["安全生产监督管理部门"]
    assert [a.text for a in units["a78/p3"].actors] == []


def test_items_under_rules_a_party_must_keep_are_that_partys_to_see_to():
    doc = text_document("第三十三条 生产经营单位应当建立安全生产责任制。\n\n"
                        "第三十四条 宾馆、饭店、网吧等公众聚集场所，其生产经营单位应当遵守下列规定：\n\n"
                        "（一）不得占用、堵塞疏散通道；\n\n"
                        "（二）从业人员能够熟练使用消防器材，了解安全出口和疏散通道的位置；\n\n"
                        "（三）有关负责人能够熟练使用应急广播。\n\n"
                        "第三十五条 举办大型群众性活动应当符合下列条件：\n\n"
                        "（一）承办者是依照法定程序成立的法人或者其他组织；\n\n"
                        "第三十六条 承办者应当在活动举办日的20日前提出安全许可申请，申请时，应当提交下列材料：\n\n"
                        "（四）活动场所管理者同意提供活动场所的证明。")
    found = {c.clause_id.split("/", 1)[1]: [(a.text, a.how) for a in with_actors(c).actors] for c in split(doc)}
    assert found["a34/i2"] == found["a34/i3"] == [("生产经营单位", "inherited")]
    assert found["a35/i1"] == [("承办者", "explicit")]  # conditions an event meets name who meets them
    assert found["a36/i4"] == [("承办者", "inherited")]  # a paper the applicant hands in, whoever it names


@needs_shared
def test_chinese_items_inherit_the_article_lead_in():
    doc = file_document(CORPUS_SOURCES / "zh" / "安全生产法(2021-06-10).md")
    units = {c.clause_id.split("/", 1)[1]: with_actors(c) for c in split(doc)}
    assert [a.text for a in units["a21/i3"].actors] == ["生产经营单位的主要负责人"]
    assert units["a21/i3"].actors[0].how == "inherited"
    # items of a penalty list name offences; the enforcer comes from the lead-in
    assert [a.text for a in units["a113/i3"].actors] == ["负有安全生产监督管理职责的部门", "有关部门"]


def test_explicit_actors_dispatches_on_language():
    assert explicit_actors("公安机关负责道路交通安全管理。", "zh") == ["公安机关"]
    assert explicit_actors("The Board shall investigate each accident.", "en") == ["The Board"]


def test_a_descriptive_reference_resolves_to_the_nearest_full_name_before_it():
    text = ("申请从事烟花爆竹批发的，由所在地设区的市人民政府安全生产监督管理部门审批。"
            "申请从事烟花爆竹零售的，由所在地县级人民政府安全生产监督管理部门审查。"
            "受理申请的安全生产监督管理部门应当自受理之日起20日内作出决定。")
    assert zh.antecedent("受理申请的安全生产监督管理部门", text) == "所在地县级人民政府安全生产监督管理部门"
    assert zh.antecedent("受理申请的公安机关", text) == "受理申请的公安机关"  # the clause names no such body
    general = "负有安全生产监督管理职责的部门"  # '部门' alone is too general to look for
    assert zh.antecedent(general, text) == general


def test_a_reference_resolves_to_the_full_name_nearest_before_where_it_stands():
    text = ("申请从事烟花爆竹批发的企业，应当向所在地设区的市人民政府安全生产监督管理部门提出申请。"
            "受理申请的安全生产监督管理部门"
            "应当自受理申请之日起30日内审查。申请从事烟花爆竹零售的经营者，应当向所在地县级人民政府安全生产监督管理部门提出申请。"
            "受理申请的安全生产监督管理部门应当自受理申请之日起20日内审查。")
    reference = "受理申请的安全生产监督管理部门"
    assert zh.antecedent(reference, text) == "所在地设区的市人民政府安全生产监督管理部门"  # its first occurrence
    assert zh.antecedent(reference, text, until=len(text)) == "所在地县级人民政府安全生产监督管理部门"
    us = ("If an authorized representative of the Secretary finds that an imminent danger exists, such "
          "representative shall issue an order requiring the operator of such mine to withdraw all persons.")
    assert en.antecedent("such representative", us) == "an authorized representative of the Secretary"
    assert en.antecedent("such representative", "Such representative shall act.") == "such representative"
    assert en.antecedent("the Secretary", us) == "the Secretary"  # only 'such …' refers back


def _units(doc: Document) -> dict[str, Clause]:
    """A document's clauses with their actors (find_actors), by their id within the document ('a62/i2')."""
    return {c.clause_id.split("/", 1)[1]: c for c in find_actors(split(doc))}


@needs_shared
def test_fines_without_an_authority_take_the_one_the_laws_general_provision_names():
    doc = file_document(CORPUS_SOURCES / "zh" / "安全生产法(2021-06-10).md")
    units = _units(doc)
    # 第一百零四条 sets a fine and names nobody; 第一百一十五条: 本法规定的行政处罚，由应急管理部门和其他……部门决定
    general = [a for a in units["a104"].actors if a.how == "general"]
    assert [(a.text, a.source) for a in general] == [
        ("应急管理部门和其他负有安全生产监督管理职责的部门", "安全生产法(2021-06-10)/a115")]
    assert not any(a.how == "general" for a in units["a95"].actors)  # names 应急管理部门 itself
    assert not any(a.how == "general" for a in units["a21"].actors)  # sets no fine
    assert not any(a.how == "general" for a in units["a115"].actors)  # the provision itself
    fire = _units(file_document(CORPUS_SOURCES / "zh" / "消防法(2021-04-29).md"))
    assert [a.text for a in fire["a60/i1"].actors if a.how == "general"] == ["住房和城乡建设主管部门、消防救援机构"]
    # "本条例规定的罚款的行政处罚，由安全生产监督管理部门决定" (第四十三条) covers the fines of 第三十八条's items
    accidents = _units(file_document(CORPUS_SOURCES / "zh" / "生产安全事故报告和调查处理条例(2007-04-09).md"))
    assert [(a.text, a.source) for a in accidents["a38/i1"].actors if a.how == "general"] == [
        ("安全生产监督管理部门", "生产安全事故报告和调查处理条例(2007-04-09)/a43")]
    # 第三十六条 names 公安机关 only for "治安管理处罚": its fines, and its items', are still the provision's
    for unit in ("a36", "a36/i2"):
        assert [a.text for a in accidents[unit].actors] == ["公安机关", "安全生产监督管理部门"], unit


def test_an_item_giving_its_lead_ins_body_the_power_to_decide_penalties_is_a_general_provision():
    text = ("# 某法\n\n第六十一条 负责特种设备安全监督管理的部门在依法履行监督检查职责时，可以行使下列职权:\n\n"
            "（一）进入现场进行检查；\n\n（五）对违反本法规定的行为作出行政处罚决定。\n\n"
            "第六十二条 违反本法规定，特种设备使用单位有下列行为之一的，责令限期改正；逾期未改正的，"
            "处一万元以上十万元以下罚款:\n\n（二）未建立特种设备安全技术档案的；\n")
    units = _units(text_document(text, doc_id="某法"))
    for unit in ("a62", "a62/i2"):
        assert [(a.text, a.how, a.source) for a in units[unit].actors] == [
            ("负责特种设备安全监督管理的部门", "general", "某法/a61/i5")], unit
    assert not any(a.how == "general" for a in units["a61/i1"].actors)  # sets no fine


@needs_shared
def test_a_general_provision_for_a_section_covers_that_section_only():
    doc = file_document(CORPUS_SOURCES / "en" / "US_29USC_ch15_Occupational_Safety_and_Health_Act.md")
    units = _units(doc)
    # § 666(j): "The Commission shall have authority to assess all civil penalties provided in this section"
    assert [(a.text, a.source.split("/", 1)[1]) for a in units["s666/d"].actors if a.how == "general"] == [
        ("The Commission", "s666/j")]
    fined_elsewhere = [cid for cid, c in units.items() if not cid.startswith("s666/")
                       and any(a.how == "general" for a in c.actors)]
    assert fined_elsewhere == []


def test_no_general_provision_no_general_authority():
    text = "# 某条例\n\n第一条 生产经营单位违反本条例的，处一万元以下的罚款。\n"
    clauses = find_actors(split(text_document(text, doc_id="某条例")))
    assert clauses and not any(a.how == "general" for c in clauses for a in c.actors)


def test_a_requirement_naming_no_one_in_sections_declared_standards_binds_the_party_liable_for_violating_one():
    units = _units(text_document(MINE_ACT, doc_id="act"))
    assert [(a.text, a.how, a.source) for a in units["s865/e"].actors] == [
        ("The operator of a coal or other mine", "bound", "act/s820/a/1")]
    assert [(a.text, a.how) for a in units["s865/f"].actors] == [("The Secretary", "explicit")]  # names its own
    assert [(a.text, a.how) for a in units["s869/g"].actors] == [("The operator of a coal or other mine", "bound")]
    assert not units["s871/a"].actors  # past the declared range
    # without a provision saying who is liable for violating a standard, nobody is bound
    alone = MINE_ACT.replace("in which a violation occurs of a mandatory health or safety standard ", "")
    units = _units(text_document(alone, doc_id="act"))
    assert not units["s865/e"].actors


@needs_shared
def test_the_mine_acts_passive_standards_bind_the_operator():
    doc = file_document(CORPUS_SOURCES / "en" / "US_30USC_ch22_Mine_Safety_and_Health.md")
    units = _units(doc)
    # § 869(g) "Trailing cables for medium-voltage circuits shall include grounding conductors …" names no one;
    # § 861(a) declares §§ 862–878 mandatory safety standards, § 820(a)(1) charges their violation to the operator
    for unit in ("s869/g", "s865/e", "s842/b/5"):
        assert [(a.text, a.how, a.source.split("/", 1)[1]) for a in units[unit].actors] == [
            ("The operator of a coal or other mine", "bound", "s820/a/1")], unit
    bound = {cid.split("/")[0] for cid, c in units.items() if any(a.how == "bound" for a in c.actors)}
    assert bound <= {f"s{n}" for n in (*range(842, 847), *range(862, 879))}
    assert not units["s878/g/1"].actors  # a definition requires nothing
    assert [a.text for a in units["s862/c"].actors if a.how == "bound"] == []  # names its own party


def test_a_coordinated_clause_names_its_own_subject():
    text = ("In any coal mine opened after the operative date of this subchapter, the entries used as intake and "
            "return aircourses shall be separated from belt haulage entries, and each operator of such mine shall "
            "limit the velocity of the air coursed through belt haulage entries.")
    assert explicit_actors(text, "en") == ["each operator of such mine"]
    covered = ("Each coal or other mine, the products of which enter commerce, and each operator of such mine, and "
               "every miner in such mine shall be subject to the provisions of this chapter.")
    assert explicit_actors(covered, "en") == []  # made subject to the law, not acting


def test_a_requirements_passive_names_its_agent_a_few_words_after_the_participle():
    text = ("# Act\n\n#### § 863. Ventilation\n\n##### (i) Methane examination\n\nTests under this paragraph shall be "
            "made at four-hour intervals during each shift by a qualified person designated by the operator of the "
            "mine.\n\n##### (j) Frames\n\nThe frames of all stationary equipment shall be grounded by methods approved "
            "by an authorized representative of the Secretary.\n")
    units = _units(text_document(text, doc_id="act"))
    assert [(a.text, a.how) for a in units["s863/i"].actors] == [("a qualified person", "explicit")]
    assert not units["s863/j"].actors  # the approval describes the methods; who grounds the frames is unnamed


def test_an_aside_saying_what_a_word_covers_ends_no_name():
    text = ("第二十九条 使用危险化学品从事生产并且使用量达到规定数量的化工企业(属于危险化学品生产企业的除外，下同)，"
            "应当依照本条例的规定取得危险化学品安全使用许可证。")
    assert explicit_actors(text, "zh") == ["使用危险化学品从事生产并且使用量达到规定数量的化工企业"]
    name = "依法对涉及安全生产事项负责行政审批(包括批准、核准、许可等，下同)的政府部门"
    assert explicit_actors(f"第十一条 {name}，必须严格审查。", "zh") == [name]
    # an aside that states a rule of its own is read: "(在港区内储存的，报港口行政管理部门)"
    own = "储存单位应当报所在地县级人民政府安全生产监督管理部门(在港区内储存的，报港口行政管理部门)备案。"
    assert zh.DEFINING_ASIDE.sub("", own) == own


def test_an_opening_phrase_of_time_is_no_part_of_the_subject():
    text = ("Immediately following such a request, the owner or operator to whom such request is made shall provide "
            "the specific chemical identity.")
    assert explicit_actors(text, "en") == ["the owner or operator to whom such request is made"]


def test_an_item_opening_with_that_names_its_subject_without_it():
    assert explicit_actors("(ii) That the Mine Safety and Health Administration shall establish criteria to certify "
                           "mine rescue teams.", "en") == ["the Mine Safety and Health Administration"]


def test_a_modal_of_what_an_agent_prescribes_is_not_the_sentences():
    # "… at such time and in such manner as the Administrator may prescribe": the item is its lead-in party's
    text = ("# Act\n\n#### § 11042. Trade secrets\n\n##### (a) Authority to withhold information\n\n(2) A person "
            "withholding information under this subsection shall:\n\n(i) designate, in writing and in such manner as "
            "the Administrator may prescribe, the information which such person believes is entitled to be "
            "withheld.\n")
    units = _units(text_document(text, doc_id="act"))
    assert [(a.text, a.how) for a in units["s11042/a/2/i"].actors] == [
        ("A person withholding information under this subsection", "inherited")]
    # the only party a subject names is who prescribes; a pronoun in 'in which he' stands for the agent before it
    assert explicit_actors("Other underground structures installed in a coal mine as the Secretary may prescribe "
                           "shall be of fireproof construction.", "en") == ["the Secretary"]
    assert explicit_actors("The trade secret claimant has 30 days in which he may appeal.", "en") == [
        "The trade secret claimant"]
    assert explicit_actors("If benefits would increase, then the Secretary shall pay them.", "en") == ["the Secretary"]
