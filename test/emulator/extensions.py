"""Extensions to moto for behaviours the project's tests need and moto lacks.

Each patch models the real AWS API's documented behaviour as closely as the tests
need; the docstring of each says what it adds and what it leaves out.
"""
