"""Extensions to moto for behaviours the project's tests need and moto lacks.

Each patch models the real AWS API's documented behaviour as closely as the tests
need; the docstring of each says what it adds and what it leaves out.
"""

import time
from typing import Any

from moto.config import models as config_models
from moto.config import responses as config_responses
from moto.config.exceptions import (
    InvalidLimitException,
    InvalidNextTokenException,
    InvalidParameterValueException,
    InvalidResultTokenException,
    ValidationException,
)

# ---------------------------------------------------------------------------
# AWS Config: PutEvaluations that records, GetComplianceDetailsByConfigRule
# ---------------------------------------------------------------------------
#
# moto 5 accepts PutEvaluations only with TestMode and stores nothing; it has no
# GetComplianceDetailsByConfigRule. These patches add both, per account and Region
# (one store on each ConfigBackend, so /moto-api/reset clears it).
#
# EMULATOR CONVENTION: moto has no real result tokens, so the ResultToken IS THE RULE
# NAME: evaluations are attributed to the rule named by the token. The rule need not
# exist. The latest evaluation put per (rule, resource type, resource id) is kept.
# Left out: FailedEvaluations (always empty), EvaluationMode other than DETECTIVE,
# the resource-type allow-list, throttling.

_COMPLIANCE_TYPES = ("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE")
_FILTER_TYPES = ("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA")


def _store(backend: Any) -> dict[tuple[str, str, str], dict[str, Any]]:
    store = backend.__dict__.get("_asg_evaluations")
    if store is None:
        store = {}
        backend.__dict__["_asg_evaluations"] = store
    return store


def _check_length(value: Any, field: str, low: int, high: int) -> None:
    if not isinstance(value, str) or len(value) < low:
        raise ValidationException(
            f"1 validation error detected: Value at '{field}' failed to satisfy constraint: "
            f"Member must have length greater than or equal to {low}"
        )
    if len(value) > high:
        raise ValidationException(
            f"1 validation error detected: Value at '{field}' failed to satisfy constraint: "
            f"Member must have length less than or equal to {high}"
        )


def _validate_evaluations(evaluations: Any) -> list[dict[str, Any]]:
    """Validates like the real API: Evaluations 0-100 items (the API model allows an
    empty list), each with ComplianceResourceType 1-256, ComplianceResourceId 1-768,
    ComplianceType in COMPLIANT/NON_COMPLIANT/NOT_APPLICABLE, OrderingTimestamp,
    and an optional Annotation of 1-256 characters."""
    if evaluations is None:
        evaluations = []
    if not isinstance(evaluations, list):
        raise ValidationException("Value at 'evaluations' failed to satisfy constraint: expected a list")
    if len(evaluations) > 100:
        raise ValidationException(
            f"1 validation error detected: Value '{len(evaluations)}' at 'evaluations' failed to "
            "satisfy constraint: Member must have length less than or equal to 100"
        )
    for i, ev in enumerate(evaluations, start=1):
        prefix = f"evaluations.{i}.member"
        _check_length(ev.get("ComplianceResourceType"), f"{prefix}.complianceResourceType", 1, 256)
        _check_length(ev.get("ComplianceResourceId"), f"{prefix}.complianceResourceId", 1, 768)
        ctype = ev.get("ComplianceType")
        if ctype is None:
            raise ValidationException(f"Value null at '{prefix}.complianceType' failed to satisfy constraint: Member must not be null")
        if ctype not in _COMPLIANCE_TYPES:
            raise InvalidParameterValueException(
                f"Config does not accept ComplianceType {ctype} from a PutEvaluations request: "
                "use COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE."
            )
        if ev.get("OrderingTimestamp") is None:
            raise ValidationException(f"Value null at '{prefix}.orderingTimestamp' failed to satisfy constraint: Member must not be null")
        if "Annotation" in ev:
            _check_length(ev.get("Annotation"), f"{prefix}.annotation", 1, 256)
    return evaluations


def _put_evaluations(
    self: Any,
    evaluations: list[dict[str, Any]] | None = None,
    result_token: str | None = None,
    test_mode: bool | None = False,
) -> dict[str, list[Any]]:
    if not result_token:
        raise InvalidResultTokenException()
    evaluations = _validate_evaluations(evaluations)
    if test_mode:
        return {"FailedEvaluations": []}
    store = _store(self)
    recorded = time.time()
    for ev in evaluations:
        key = (result_token, ev["ComplianceResourceType"], ev["ComplianceResourceId"])
        store[key] = {
            "EvaluationResultIdentifier": {
                "EvaluationResultQualifier": {
                    "ConfigRuleName": result_token,
                    "ResourceType": ev["ComplianceResourceType"],
                    "ResourceId": ev["ComplianceResourceId"],
                    "EvaluationMode": "DETECTIVE",
                },
                "OrderingTimestamp": ev["OrderingTimestamp"],
            },
            "ComplianceType": ev["ComplianceType"],
            "ResultRecordedTime": recorded,
            "ConfigRuleInvokedTime": ev["OrderingTimestamp"],
            **({"Annotation": ev["Annotation"]} if "Annotation" in ev else {}),
        }
    return {"FailedEvaluations": []}


def _get_compliance_details_by_config_rule(
    self: Any,
    rule_name: str,
    compliance_types: list[str] | None,
    limit: int | None,
    next_token: str | None,
) -> dict[str, Any]:
    """GetComplianceDetailsByConfigRule over the recorded evaluations: ComplianceTypes
    filter, Limit 0-100 (0 or absent means 100), NextToken = an opaque offset."""
    _check_length(rule_name, "configRuleName", 1, 128)
    for ctype in compliance_types or []:
        if ctype not in _FILTER_TYPES:
            raise ValidationException(f"Value '{ctype}' at 'complianceTypes' failed to satisfy constraint")
    if limit is not None and (limit < 0 or limit > 100):
        raise InvalidLimitException(limit)
    page_size = limit or 100
    results = [
        r
        for (rule, _type, _id), r in sorted(_store(self).items())
        if rule == rule_name and (not compliance_types or r["ComplianceType"] in compliance_types)
    ]
    start = 0
    if next_token:
        if not next_token.startswith("asg:") or not next_token[4:].isdigit():
            raise InvalidNextTokenException()
        start = int(next_token[4:])
    page = results[start : start + page_size]
    out: dict[str, Any] = {"EvaluationResults": page}
    if start + page_size < len(results):
        out["NextToken"] = f"asg:{start + page_size}"
    return out


def _response_get_compliance_details_by_config_rule(self: Any) -> str:
    import json

    return json.dumps(
        self.config_backend.get_compliance_details_by_config_rule(
            self._get_param("ConfigRuleName"),
            self._get_param("ComplianceTypes"),
            self._get_param("Limit"),
            self._get_param("NextToken"),
        )
    )


config_models.ConfigBackend.put_evaluations = _put_evaluations  # type: ignore[method-assign]
config_models.ConfigBackend.get_compliance_details_by_config_rule = _get_compliance_details_by_config_rule  # type: ignore[attr-defined]
config_responses.ConfigResponse.get_compliance_details_by_config_rule = (  # type: ignore[attr-defined]
    _response_get_compliance_details_by_config_rule
)


# ---------------------------------------------------------------------------
# AWS Config: GetResourceConfigHistory timestamps in the API's wire shape
# ---------------------------------------------------------------------------
#
# moto's S3 (and some other) config items carry configurationItemCaptureTime and
# resourceCreationTime as Python str(datetime) ("2026-11-23 10:00:00.123+00:00"); the
# real JSON API sends epoch seconds, and the SDK refuses anything else. This wrapper
# converts such strings; everything else in the item is left as moto built it.

_original_get_resource_config_history = config_models.ConfigBackend.get_resource_config_history
_TIME_FIELDS = ("configurationItemCaptureTime", "resourceCreationTime", "configurationItemDeliveryTime")


def _get_resource_config_history(self: Any, resource_type: str, resource_id: str, backend_region: str) -> dict[str, Any]:
    from datetime import datetime

    out = _original_get_resource_config_history(self, resource_type, resource_id, backend_region)
    for item in out.get("configurationItems", []):
        for field in _TIME_FIELDS:
            value = item.get(field)
            if isinstance(value, str):
                item[field] = datetime.fromisoformat(value).timestamp()
    return out


config_models.ConfigBackend.get_resource_config_history = _get_resource_config_history  # type: ignore[method-assign]


# ---------------------------------------------------------------------------
# EC2 and KMS: AMI snapshots, snapshot keys, AWS managed keys, the EBS default key
# ---------------------------------------------------------------------------
import ec2_kms_extensions  # noqa: E402,F401  (patches moto on import)

# ---------------------------------------------------------------------------
# EC2: AMIs shared from another account (DescribeImages ExecutableUsers=self)
# ---------------------------------------------------------------------------
import ec2_sharing_extensions  # noqa: E402,F401  (patches moto on import)


# ---------------------------------------------------------------------------
# IAM: the one AWS managed policy the Image Builder scenarios attach (D8)
# ---------------------------------------------------------------------------
import iam_managed_policy_extensions  # noqa: E402,F401  (patches moto on import)
