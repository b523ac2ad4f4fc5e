"""Which common wire phrasings of a contact the detector reads: one invented sentence per
phrasing, X and Y two invented foreign ministers of different states.

    .venv/bin/python bench/phrasing_probe.py [--all]

Prints the phrasings that give no contact (with --all, every phrasing and what it gave), then
how many of them give one. Some are meant to give none ("called for talks with Y" is a plan, "sent
a message" no contact): the list is a map of what the rules read, not a score to push to 100 %.
Sentences written for this project.
"""

from __future__ import annotations

import argparse
from datetime import date

from contacts import KnowledgeBase, detect_contacts

X = "Peruvian Foreign Minister Luis Quispe"
Y = "Chilean Foreign Minister Tomas Aravena"
DAY = date(1987, 3, 6)  # a Friday

PHRASINGS = (
    "X conferred with Y on Thursday.",
    "X and Y conferred on Thursday.",
    "X had talks with Y on Thursday.",
    "X was holding talks with Y.",
    "X met with Y for two hours on Thursday.",
    "X paid a courtesy call on Y on Thursday.",
    "X called on Y on Thursday.",
    "X hosted a luncheon for Y on Thursday.",
    "X received Y on Thursday.",
    "X flew to Lima for talks with Y.",
    "X is in Lima for talks with Y.",
    "X telephoned Y on Thursday.",
    "X spoke by telephone to Y on Thursday.",
    "X talked by telephone with Y on Thursday.",
    "In a telephone call, X told Y that the talks would resume.",
    "X and Y held a second round of talks on Thursday.",
    "X is due to meet Y next week.",
    "X is expected to see Y next week.",
    "X had a 45-minute meeting with Y on Thursday.",
    "X and Y met privately on Thursday.",
    "X had lunch with Y on Thursday.",
    "X dined with Y on Thursday.",
    "X held a working breakfast with Y on Thursday.",
    "X greeted Y at the airport on Thursday.",
    "X welcomed Y to Lima on Thursday.",
    "X and Y exchanged views on Thursday.",
    "X consulted with Y on Thursday.",
    "X has been negotiating with Y for months.",
    "After his meeting with Y, X said the talks had gone well.",
    "Y, whom X met on Thursday, said the talks had gone well.",
    "X told reporters after a two-hour meeting with Y that progress was made.",
    "X emerged from talks with Y on Thursday.",
    "X and Y ended their talks on Thursday.",
    "X opened talks with Y on Thursday.",
    "X resumed talks with Y on Thursday.",
    "X and Y began two days of talks on Thursday.",
    "X wound up talks with Y on Thursday.",
    "X concluded a visit to Chile on Thursday.",
    "X ended a three-day visit to Chile on Thursday.",
    "X left for Chile on Thursday for talks with Y.",
    "X returned from Chile, where he held talks with Y.",
    "X briefed Y on the talks on Thursday.",
    "X presented his credentials to Y on Thursday.",
    "X had an audience with Y on Thursday.",
    "X was received by Y on Thursday.",
    "X held separate talks with Y on Thursday.",
    "X chatted with Y on Thursday.",
    "X and Y talked for an hour on Thursday.",
    "X talked with Y on Thursday.",
    "X joined Y for talks on Thursday.",
    "X accompanied Y to the talks on Thursday.",
    "X sat down with Y on Thursday.",
    "Talks between X and Y ended on Thursday.",
    "A meeting between X and Y is planned for next week.",
    "X's talks with Y ended on Thursday.",
    "X's visit to Chile ended on Thursday.",
    "X hosted Y at a dinner on Thursday.",
    "X and Y signed the accord after talks on Thursday.",
    "X and Y, meeting in Lima on Thursday, agreed on a plan.",
    "X, meeting Y in Lima on Thursday, agreed on a plan.",
    "X will hold talks with Y next month.",
    "X plans to visit Chile next month.",
    "X invited Y to visit Peru.",
    "X accepted an invitation from Y to visit Chile.",
    "X will visit Chile next week for talks with Y.",
    "X, who is visiting Chile, met Y on Thursday.",
    "X is on a visit to Chile.",
    "X is visiting Chile this week.",
    "LIMA, March 6 - X arrived here today for talks with Y.",
    "X left Lima for Santiago, where he will meet Y.",
    "SANTIAGO, March 6 - X held talks here today with Y.",
    "X and Y are expected to meet next week.",
    "Y received X in audience on Thursday.",
    "X was greeted by Y on Thursday.",
    "X, speaking after talks with Y, said progress was made.",
    "Speaking after talks with Y, X said progress was made.",
    "Speaking to reporters after meeting Y, X said progress was made.",
    "At a meeting with Y on Thursday, X said progress was made.",
    "X said he had discussed trade with Y during a meeting on Thursday.",
    "X raised the issue with Y on Thursday.",
    "X and Y signed an agreement after their talks on Thursday.",
    "X met separately with Y and Bolivian Foreign Minister Juan Mamani.",
    "X also met Y and Bolivian Foreign Minister Juan Mamani on Thursday.",
    "X met his Chilean counterpart Tomas Aravena on Thursday.",
    "X met with Chile's foreign minister, Tomas Aravena, on Thursday.",
    "X met Tomas Aravena, Chile's foreign minister, on Thursday.",
    "In talks with Y, X said progress was made.",
    "X told a news conference after two days of talks with Y that progress was made.",
    "X broke off talks with Y on Thursday.",
    "X had a telephone conversation with Y on Thursday.",
    "X rang Y on Thursday.",
    "X phoned Y on Thursday.",
    "X received a telephone call from Y on Thursday.",
    "X was telephoned by Y on Thursday.",
    "X held a 90-minute telephone conversation with Y on Thursday.",
    "X and Y spoke on the telephone on Thursday.",
    "X said he had spoken to Y by telephone.",
    "X said after a meeting with Y that progress was made.",
    "X told Y during their meeting that progress was made.",
    "Y and X held what officials called frank talks on Thursday.",
    "X held what he called useful talks with Y on Thursday.",
    "X gave a dinner in honour of Y on Thursday.",
    "X hosted a reception for Y on Thursday.",
    "X and Y had breakfast together on Thursday.",
    "X was to have met Y on Thursday but the meeting was cancelled.",
    "X cancelled a planned meeting with Y.",
    "X postponed his visit to Chile.",
    "X met Y for the first time since 1985 on Thursday.",
    "X, who held talks with Y on Thursday, said progress was made.",
    "Y, with whom X held talks on Thursday, said progress was made.",
    "X and Y, who met on Thursday, said progress was made.",
    "X and Y met again on Thursday.",
    "X told Y in a telephone call on Thursday that the talks would resume.",
    "X and Y discussed the dispute by telephone on Thursday.",
    "X telephoned Y and Bolivian Foreign Minister Juan Mamani on Thursday.",
    "X spoke to Y and to Bolivian Foreign Minister Juan Mamani by telephone on Thursday.",
    "X held telephone talks with Y on Thursday.",
    "X made a telephone call to Y on Thursday.",
    "X called Y on Thursday to discuss the dispute.",
    "X called Y to congratulate him on his election.",
    "X sent a message to Y on Thursday.",
    "Y told X by telephone on Thursday that the talks would resume.",
    "X was in telephone contact with Y on Thursday.",
    "X and Y have been in contact by telephone.",
    "X spoke with Y by telephone late on Thursday.",
    "X and Y talked by phone for 40 minutes on Thursday.",
    "X called for talks with Y.",
    "X urged Y to hold talks.",
    "X said he would call Y on Friday.",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every phrasing")
    args = parser.parse_args()
    kb = KnowledgeBase.load_default()
    read = 0
    for phrasing in PHRASINGS:
        text = phrasing.replace("X", X, 1).replace("Y", Y, 1)
        found = detect_contacts(text, DAY, kb=kb)
        ok = any(len(c.participants) >= 2 for c in found)
        read += ok
        if args.all or not ok:
            got = ", ".join(f"{c.type}/{c.status}" for c in found) or "nothing"
            print(f"{'read' if ok else 'MISS'}  {phrasing}  ->  {got}")
    print(f"{read} of {len(PHRASINGS)} phrasings give a contact between X and Y")


if __name__ == "__main__":
    main()
