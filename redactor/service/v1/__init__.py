"""Generated from protos/redactor/v1/redactor.proto by redactor/service/build_protos.py at install.

Not committed: regenerate with `python -m redactor.service.build_protos` after editing the proto.
"""
