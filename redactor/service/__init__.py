"""The gRPC service: a thin adapter that serves the Redactor core to EHR backends."""
