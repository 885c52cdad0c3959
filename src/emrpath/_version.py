"""The version of emrpath: the one place it is written.

The build backend reads it from here (``[tool.hatch.version]`` in pyproject.toml) into the
package metadata, and ``emrpath.__version__`` is this string, so importing emrpath never
reads the installed metadata.
"""

__version__ = "0.2.0"
