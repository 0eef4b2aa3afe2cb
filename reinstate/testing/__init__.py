"""What the tests share: personas, notices, files made on the spot, the command line, a browser.

Test modules and conftest files import from here, never from each other.
"""
