"""Word lists for the name rules: titles and ranks that come before a name, and the words
that follow a title or a sign-off without being a name ("PC Equipment", "Dear Requester",
"Yours sincerely, Information Rights Team")."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Before a name they always mean a person; a name written in capitals ("Mr SMITH") counts.
COURTESY_TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Rev", "Revd", "Reverend",
    "Dame", "Cllr", "Councillor",
)  # fmt: skip
# Police, fire and other ranks and roles. Some are also ordinary abbreviations (a PC is
# also a computer, DC a district council), so only a name that is not a common word counts.
RANKS = (
    "PC", "WPC", "DC", "TDC", "DS", "DI", "DCI", "DSU", "DCS", "Det", "Detective",
    "Det Con", "Det Sgt", "Det Insp", "Sgt", "Sergeant", "Insp", "Inspector", "Ch Insp",
    "Chief Inspector", "Supt", "Superintendent", "Ch Supt", "Chief Superintendent",
    "Constable", "Special Constable", "PCSO", "ACC", "DCC", "Chief Constable",
    "Assistant Chief Constable", "Deputy Chief Constable", "Cmdr", "Commander",
    "Firefighter", "Station Officer", "Watch Manager", "Crew Manager", "Sir", "Lord", "Lady",
)  # fmt: skip
# Ranks whose number alone ("PC 1234", "PCSO 5678") points at one officer.
COLLAR_RANKS = frozenset({"PC", "WPC", "DC", "TDC", "DS", "Sgt", "PCSO", "Special Constable"})

# Capitalised words that follow a title in headings and phrases without being a name.
NOT_NAMES = _words(
    """
    The A An And Or Of In On At To For By With From As Is Was Were Has Have Had Not No All
    Any Each Every This That These Those Who Which What When Where Our Your Their His Her
    Number Numbers Rank Ranks Role Roles Post Posts Grade Grades Staff Officer Officers Team
    Teams Unit Units Requester Requestor Applicant Madam Sir Sirs Equipment Software Hardware
    System Systems Repair Repairs Training Vacancy Vacancies Recruitment Salary Salaries Pay
    Overtime Comics World Games Game Lite Office Computer Computers Laptop Laptops Desktop
    Desktops Monitor Monitors Network Networks Licence Licences Licenses Support Service
    Services Contract Contracts Purchase Purchases Spend Costs Cost Budget Numbers Numbering
    Chief Inspector Inspectors Sergeant Sergeants Constable Constables Superintendent
    Superintendents Detective Detectives Rank Ranked Course Courses Exam Exams Examination
    Promotion Promotions Process Board Boards Interview Interviews Level Levels Pension
    Pensions Allowance Allowances Uniform Uniforms Vehicle Vehicles Car Cars Van Vans
    Police Policing Force Forces Area Areas Region Regions District Districts County
    Council Councils Court Courts Act Acts Section Sections Policy Policies Guidance Report
    Reports Data Information Records Record Register Registers Department Departments
    Strategy Plan Plans Review Reviews Survey Surveys Programme Programmes Project Projects
    Scheme Schemes Award Awards Fund Funding Grant Grants Office Offices Station Stations
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Colleague Colleagues Customer
    Customers Enquirer Correspondent Member Members Resident Residents Friend Friends Parent
    Parents Citizen Citizens Public Everyone Person Persons People Individual Individuals
    Sir/Madam Madam/Sir Whom Requesters Applicants Who's Freedom FOI EIR Question Questions
    Regards Thanks Thank Please Yes Sincerely Faithfully Chancellor Mayor Lieutenant Lord
    Lady Chapel Justice Advocate Provost General Marshal
    """
)
# Words written where a name would be, saying there is none ("Not known", "Withheld").
NO_NAME_WORDS = _words("Not Known Unknown None Other Withheld Redacted Anonymous")
# Words that end a sign-off's name: the team or job that follows it, never part of a name.
ROLE_WORDS = _words(
    """
    Team Unit Officer Officers Department Office Information Management Manager Freedom
    Disclosure Disclosures Service Services Police Council Compliance Data Protection Records
    Legal Head Decision Maker Adviser Advisor Coordinator Co-ordinator Support Governance
    Access Request Requests Force Constabulary Trust NHS Authority Board Directorate
    Corporate Central Rights Assistant Administrator Analyst Lead Practitioner Specialist
    Secretariat Clerk Director Executive Deputy Chief FOI EIR Centre Hub Desk Helpdesk
    """
)
# Three-letter words that can end a lower-case "ab12 cde" without it being a registration.
SHORT_WORDS = _words(
    """
    and the for was are but not you all any can had her his how its may new now old one our
    out see two who why yes per via off own set ago due use was
    """
)
