"""Is this interpreter one the project supports? Run by the Makefile before anything else.

    python3 scripts/python_check.py          # exit 1, saying what is needed, if not
    python3 scripts/python_check.py --floor  # print the oldest supported version (for the lock)

The one place the supported range is written. The lower end is Debian 12's own Python
(3.11.2), the upper end Debian 13's (3.13); requirements/*.txt is resolved for all of them.
Written for old interpreters too (no f-strings), so that they get the message, not a SyntaxError.
"""

import sys

OLDEST = (3, 11)
NEWEST = (3, 13)


def supported(version):
    return OLDEST <= tuple(version[:2]) <= NEWEST


def main(argv):
    if "--floor" in argv:
        print("{}.{}".format(*OLDEST))
        return 0
    if supported(sys.version_info):
        return 0
    sys.stderr.write(
        f"This project needs Python {OLDEST[0]}.{OLDEST[1]} to {NEWEST[0]}.{NEWEST[1]}; "
        f"{sys.executable} is Python {sys.version.split()[0]}.\n"
        "Debian 12 (python3 3.11) and Debian 13 (python3 3.13) have one: apt-get install python3 python3-venv.\n"
        "Or name another interpreter: make test PYTHON=/usr/bin/python3.13\n"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
