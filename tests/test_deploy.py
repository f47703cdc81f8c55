"""The Kubernetes manifests (deploy/kubernetes) as each overlay renders them: what must hold for a
safe rollout, whatever an overlay changes. `make k8s-check` validates the schemas and runs checkov;
this checks what those cannot know about the app."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ruamel.yaml import YAML  # a dev dependency through check-jsonschema

ROOT = Path(__file__).resolve().parent.parent
KUSTOMIZE = ROOT / "deploy" / "kubernetes"
OVERLAYS = sorted(path.name for path in (KUSTOMIZE / "overlays").iterdir() if path.is_dir())

# The settings that hold secrets: they may only come from the Secret, never as a value.
SECRET_SETTINGS = {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "HEALTHZ_TOKEN"}
# The one writable place in a pod (an emptyDir); the rest of its filesystem is read-only.
POD_TMP = "/tmp"  # noqa: S108 - a path inside the pods, not a file this test writes

pytestmark = pytest.mark.skipif(
    shutil.which("kubectl") is None,
    reason="kubectl is not installed: the overlays are rendered with `kubectl kustomize`",
)


def _load_all(text: str) -> list[dict]:
    return [doc for doc in YAML(typ="safe").load_all(text) if doc]


@pytest.fixture(scope="module", params=OVERLAYS)
def rendered(request) -> dict[tuple[str, str], dict]:
    """The overlay's resources by (kind, name)."""
    result = subprocess.run(
        ["kubectl", "kustomize", str(KUSTOMIZE / "overlays" / request.param)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return {(doc["kind"], doc["metadata"]["name"]): doc for doc in _load_all(result.stdout)}


def _workloads(rendered) -> list[dict]:
    return [doc for (kind, _), doc in rendered.items() if kind in {"Deployment", "Job"}]


def _containers(pod_spec: dict) -> list[dict]:
    return pod_spec.get("initContainers", []) + pod_spec["containers"]


def _config(rendered) -> dict[str, str]:
    (config,) = [doc for (kind, _), doc in rendered.items() if kind == "ConfigMap"]
    return config["data"]


def _env_names(container: dict, rendered) -> set[str]:
    names = {entry["name"] for entry in container.get("env", [])}
    for source in container.get("envFrom", []):
        assert "configMapRef" in source, "secrets come by secretKeyRef, one key at a time"
        names |= set(_config(rendered))
    return names


def _main(rendered, name: str) -> dict:
    (container,) = rendered["Deployment", name]["spec"]["template"]["spec"]["containers"]
    return container


def test_beat_runs_exactly_once_also_during_a_rollout(rendered):
    spec = rendered["Deployment", "beat"]["spec"]
    assert spec["replicas"] == 1
    assert spec["strategy"] == {"type": "Recreate"}
    hpa_targets = {
        doc["spec"]["scaleTargetRef"]["name"]
        for (kind, _), doc in rendered.items()
        if kind == "HorizontalPodAutoscaler"
    }
    assert "beat" not in hpa_targets


def test_a_job_migrates_and_every_new_pod_waits_for_its_schema(rendered):
    job = rendered["Job", "migrate"]["spec"]["template"]["spec"]
    assert job["restartPolicy"] == "Never"
    assert job["containers"][0]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    for name in ("web", "worker", "beat"):
        (init,) = rendered["Deployment", name]["spec"]["template"]["spec"]["initContainers"]
        assert "manage.py migrate --check" in " ".join(init["command"]), name
        assert init["image"] == job["containers"][0]["image"]


def test_web_is_ready_by_healthz_but_a_database_outage_restarts_nothing(rendered):
    web = _main(rendered, "web")
    readiness = web["readinessProbe"]["httpGet"]
    assert readiness["path"] == "/healthz/"
    # The kubelet would send the pod's IP address as Host, which Django refuses with a 400.
    (host,) = [h["value"] for h in readiness["httpHeaders"] if h["name"] == "Host"]
    assert host in _config(rendered)["DJANGO_ALLOWED_HOSTS"].split(",")
    # /healthz/ answers 503 while the database is away: liveness must not depend on it.
    assert "httpGet" not in web["livenessProbe"]
    assert web["livenessProbe"]["tcpSocket"]["port"] == readiness["port"]


def test_every_container_has_resources_and_runs_restricted(rendered):
    for workload in _workloads(rendered):
        pod = workload["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["automountServiceAccountToken"] is False
        mounts_tmp = {volume["name"] for volume in pod["volumes"] if "emptyDir" in volume}
        for container in _containers(pod):
            where = f"{workload['metadata']['name']}/{container['name']}"
            for bound in ("requests", "limits"):
                assert set(container["resources"][bound]) == {"cpu", "memory"}, where
            context = container["securityContext"]
            assert context["runAsNonRoot"] is True, where
            assert context["runAsUser"] >= 10000, where
            assert context["readOnlyRootFilesystem"] is True, where
            assert context["allowPrivilegeEscalation"] is False, where
            assert context["capabilities"]["drop"] == ["ALL"], where
            (tmp,) = [m for m in container["volumeMounts"] if m["mountPath"] == POD_TMP]
            assert tmp["name"] in mounts_tmp, where


def test_no_secret_value_is_written_into_a_manifest(rendered):
    assert not [name for kind, name in rendered if kind == "Secret"]
    assert not SECRET_SETTINGS & set(_config(rendered))
    for workload in _workloads(rendered):
        for container in _containers(workload["spec"]["template"]["spec"]):
            for entry in container.get("env", []):
                if entry["name"] in SECRET_SETTINGS:
                    reference = entry["valueFrom"]["secretKeyRef"]
                    assert reference["name"] == "lerende-praktijk-secrets"
                    assert reference["key"] == entry["name"]
                    assert "value" not in entry


def test_web_and_worker_get_every_setting_production_needs(rendered):
    compose = YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())
    needed = set(compose["x-app"]["environment"]) | SECRET_SETTINGS
    assert _config(rendered)["DJANGO_DEBUG"] == "false"
    for name in ("web", "worker"):
        missing = needed - _env_names(_main(rendered, name), rendered)
        # The worker serves no page: the health check's token is web's alone.
        assert missing <= ({"HEALTHZ_TOKEN"} if name == "worker" else set()), (name, missing)
    beat = _env_names(_main(rendered, "beat"), rendered)
    assert {"DJANGO_SECRET_KEY", "REDIS_URL"} <= beat


def test_the_host_name_agrees_across_ingress_and_settings(rendered):
    ingress = rendered["Ingress", "web"]["spec"]
    (rule,) = ingress["rules"]
    host = rule["host"]
    config = _config(rendered)
    assert host in config["DJANGO_ALLOWED_HOSTS"].split(",")
    assert f"https://{host}" in config["DJANGO_CSRF_TRUSTED_ORIGINS"].split(",")
    assert urlsplit(config["SITE_URL"]).hostname == host
    assert ingress["tls"][0]["hosts"] == [host]
    assert rule["http"]["paths"][0]["backend"]["service"]["name"] == "web"


def test_the_autoscaler_owns_the_number_of_web_pods(rendered):
    hpa = rendered["HorizontalPodAutoscaler", "web"]["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}
    assert [m["resource"]["name"] for m in hpa["metrics"]] == ["cpu"]
    assert 1 <= hpa["minReplicas"] <= hpa["maxReplicas"]
    # A `replicas` in the Deployment would undo the autoscaler's choice at every apply.
    assert "replicas" not in rendered["Deployment", "web"]["spec"]
    web_labels = rendered["Deployment", "web"]["spec"]["template"]["metadata"]["labels"]
    pdb = rendered["PodDisruptionBudget", "web"]["spec"]
    assert pdb["selector"]["matchLabels"].items() <= web_labels.items()
    assert rendered["Service", "web"]["spec"]["selector"].items() <= web_labels.items()


def test_the_commands_are_those_of_the_dockerfile_and_compose(rendered):
    (cmd,) = re.findall(r"^CMD (\[.*\])$", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
    assert _main(rendered, "web")["command"] == json.loads(cmd)
    services = YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())["services"]
    for name in ("worker", "beat"):
        assert " ".join(_main(rendered, name)["command"]) == services[name]["command"]


def test_every_image_is_one_release_with_a_tag(rendered):
    images = {
        container["image"]
        for workload in _workloads(rendered)
        for container in _containers(workload["spec"]["template"]["spec"])
    }
    (image,) = images
    name, _, tag = image.rpartition(":")
    assert name and tag and tag != "latest"


def test_the_image_and_the_package_carry_every_app_of_the_project():
    """The Dockerfile copies each app before `pip install .`, and setuptools packages them all:
    an app left out would be missing from the installed package (issue #15 found three)."""
    import tomllib

    from django.conf import settings

    root = Path(__file__).resolve().parents[1]
    apps = {a for a in settings.INSTALLED_APPS if (root / a / "apps.py").exists()}
    assert {"netwerk", "relaties", "bibliotheek", "programma", "begrippen"} <= apps
    include = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
    assert {pattern.rstrip("*") for pattern in include} >= apps
    dockerfile = (root / "Dockerfile").read_text()
    assert {app for app in apps if f"COPY {app} {app}\n" in dockerfile} == apps
