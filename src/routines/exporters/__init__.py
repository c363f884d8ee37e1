"""The export layer: a finished :class:`~routines.Plan` written for people and programs.

Plain text (the summary, calendar event lines), iCalendar files and feeds, the
small feed server, the printable PDF (``exporters.pdf``), and
:func:`~routines.export`, which writes a plan's files together. Exporters read a
plan and never change it; they never plan, and never import ``planning``,
``log`` or ``adaptation``. reportlab and icalendar are imported only here, and
only when an export is made, so ``import routines`` stays light.
"""
