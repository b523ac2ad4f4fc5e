"""`python -m diplowatch ...`: the same as the `diplowatch` command (the daemon starts its crawl
processes this way, with the interpreter it runs on, so no PATH lookup can pick another install)."""

from diplowatch.cli import main

if __name__ == "__main__":
    main()
