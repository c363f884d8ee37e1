"""The planning layer: a :class:`~routines.PlanRequest` in, a :class:`~routines.Plan` out.

It knows the goal presets, config files and flags that make a request, the
calendar of sessions, which exercises a request allows, the dose rules (time,
rest, effort, deload), progression, and how a session is built (warm-up,
strength block, cool-down, fitted to the minutes). Its rules are pure functions
over frozen values. It reads the catalogue layer and the plan values at the top;
it knows nothing of calendars, paper or the training log: it never imports
``exporters``, ``log`` or ``adaptation``.
"""
