"""moto patches for EC2 and KMS facts the inventory and the rules read (imported by extensions.py).

moto 5.2 models AMIs with one auto-created, unencrypted root snapshot whatever the request says,
drops the volume's KMS key when it snapshots a volume, labels AWS managed keys CUSTOMER, and has
no GetEbsDefaultKmsKeyId. The inventory reads exactly those facts, so these patches add them:

- RegisterImage honours BlockDeviceMappings[].Ebs.SnapshotId (DescribeImages then lists those
  snapshots, with Encrypted and VolumeSize taken from the snapshot). Other fields are left out.
- CreateSnapshot copies the volume's KMS key (as a key ARN, as DescribeSnapshots returns it).
- A key whose alias is `alias/aws/*` reports KeyManager AWS.
- GetEbsDefaultKmsKeyId returns `alias/aws/ebs` until ModifyEbsDefaultKmsKeyId sets a key, then
  that key's ARN (the behaviour the reference notes describe for the real API).
"""

from typing import Any

from moto.core.responses import ActionResult
from moto.ec2.models import amis as ami_models
from moto.ec2.models import elastic_block_store as ebs_models
from moto.ec2.responses import amis as ami_responses
from moto.ec2.responses import elastic_block_store as ebs_responses
from moto.kms import models as kms_models

_orig_block_device_mappings = ami_models.Ami.block_device_mappings.fget  # type: ignore[attr-defined]


def _block_device_mappings(self: Any) -> list[dict[str, Any]]:
    custom = self.__dict__.get("_asg_block_device_mappings")
    if custom is None:
        return _orig_block_device_mappings(self)
    out = []
    for m in custom:
        ebs = m.get("Ebs") or {}
        snap_id = ebs.get("SnapshotId")
        snap = self.ec2_backend.snapshots.get(snap_id) if snap_id else None
        entry: dict[str, Any] = {"DeviceName": m.get("DeviceName")}
        if snap is not None:
            entry["Ebs"] = {
                "SnapshotId": snap.id,
                "VolumeSize": int(snap.volume.size) if snap.volume is not None else 8,
                "DeleteOnTermination": True,
                "VolumeType": "gp3",
                "Encrypted": bool(snap.encrypted),
            }
        out.append(entry)
    return out


ami_models.Ami.block_device_mappings = property(_block_device_mappings)  # type: ignore[assignment]

_orig_register_image = ami_responses.AmisResponse.register_image


def _register_image(self: Any) -> ActionResult:
    result = _orig_register_image(self)
    mappings = self._get_param("BlockDeviceMappings", []) or self._get_param("BlockDeviceMapping", [])
    if mappings:
        image_id = result.result["ImageId"] if hasattr(result, "result") else None  # type: ignore[attr-defined]
        if image_id is None:
            image_id = max(self.ec2_backend.amis.values(), key=lambda a: a.creation_date).id
        ami = self.ec2_backend.amis[image_id]
        ami.__dict__["_asg_block_device_mappings"] = mappings
        root = self._get_param("RootDeviceName")
        if root:
            ami.root_device_name = root
    return result


ami_responses.AmisResponse.register_image = _register_image  # type: ignore[method-assign]

_orig_create_snapshot = ebs_models.EBSBackend.create_snapshot


def _create_snapshot(self: Any, volume_id: str, description: str, owner_id: Any = None, from_ami: Any = None) -> Any:
    snap = _orig_create_snapshot(self, volume_id, description, owner_id, from_ami)
    volume = self.get_volume(volume_id)
    key = getattr(volume, "kms_key_id", None)
    if key:
        if not key.startswith("arn:"):
            from moto.kms import kms_backends

            key = kms_backends[self.account_id][self.region_name].describe_key(key).arn
        snap.kms_key_id = key
        snap.encrypted = True
    return snap


ebs_models.EBSBackend.create_snapshot = _create_snapshot  # type: ignore[method-assign]

_orig_create_alias = kms_models.KmsBackend.create_alias


def _create_alias(self: Any, target_key_id: str, alias_name: str) -> Any:
    out = _orig_create_alias(self, target_key_id, alias_name)
    if alias_name.startswith("alias/aws/"):
        self.describe_key(target_key_id).key_manager = "AWS"
    return out


kms_models.KmsBackend.create_alias = _create_alias  # type: ignore[method-assign]


def _get_ebs_default_kms_key_id(self: Any) -> ActionResult:
    self.error_on_dryrun()
    configured = self.ec2_backend.__dict__.get("_asg_default_key_set")
    value = self.ec2_backend.default_kms_key_id if configured else "alias/aws/ebs"
    return ActionResult({"KmsKeyId": value})


_orig_modify_default = ebs_responses.ElasticBlockStore.modify_ebs_default_kms_key_id


def _modify_ebs_default_kms_key_id(self: Any) -> ActionResult:
    out = _orig_modify_default(self)
    self.ec2_backend.__dict__["_asg_default_key_set"] = True
    return out


ebs_responses.ElasticBlockStore.get_ebs_default_kms_key_id = _get_ebs_default_kms_key_id  # type: ignore[attr-defined]
ebs_responses.ElasticBlockStore.modify_ebs_default_kms_key_id = _modify_ebs_default_kms_key_id  # type: ignore[method-assign]
