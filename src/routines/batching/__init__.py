"""The batch layer: plans for a whole client list, one row per person.

It reads the client CSV into requests, and plans and exports each row in
worker processes. It sits on top of ``planning`` and ``exporters`` and is
imported by nothing but the public API and the command line.
"""
