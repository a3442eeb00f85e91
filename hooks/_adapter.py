"""Where plain-Python errors become MkDocs build errors: the one MkDocs import the data layer needs."""

from functools import wraps

from mkdocs.exceptions import PluginError

from explainer.data import DataError


def reports_data_errors(event):
    """A hook event whose data errors stop the build with their message (file, entry, field)."""
    @wraps(event)  # keeps MkDocs' event priority, an attribute of the function
    def reporting(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except DataError as error:
            raise PluginError(str(error)) from error
    return reporting
