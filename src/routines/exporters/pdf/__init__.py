"""The printable PDF: styles, the cover, the overview and session pages, the exercise
guide, and the document that puts them together (reportlab platypus and graphics).
"""
