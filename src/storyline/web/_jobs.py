"""Ingest uploaded articles in a background thread, one job at a time, keeping its progress."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from storyline.errors import StorylineError
from storyline.model import AnalyzedArticle, Article, Failure
from storyline.settings import Settings
from storyline.store import Store, ingest
from storyline.web._schemas import InputError, InputOut, JobOut
from storyline.web._views import path_part

log = logging.getLogger(__name__)

MAX_JOBS_KEPT = 200  # finished jobs remembered for polling; older ones are forgotten first
# Jobs analyse in this one process. Worker processes forked from the threaded server inherit
# its SIGTERM handler (uvicorn's), so the pool's terminate() waits forever for them; a forked
# child may also inherit a lock another thread held at the fork.
JOB_WORKERS = 1


@dataclass(slots=True)
class Upload:
    """One input as read from the request: its name, its articles and what failed in it."""

    name: str
    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]


@dataclass(slots=True)
class Job:
    """The progress of one ingest; mutated by the worker thread under the runner's lock."""

    id: str
    uploads: list[Upload]
    title: str | None
    state: str = "queued"
    total: int = 0
    analysed: int = 0
    event: str | None = None
    error: str | None = None
    emptied: list[Failure] = field(default_factory=list)  # articles cleaning left empty

    def to_out(self) -> JobOut:
        """Return the API view of the job."""
        inputs = [
            InputOut(
                name=upload.name,
                articles=len(upload.articles),
                errors=[_input_error(failure) for failure in upload.failures],
            )
            for upload in self.uploads
        ]
        if self.emptied:
            errors = [_input_error(failure) for failure in self.emptied]
            inputs.append(InputOut(name="cleaning", articles=0, errors=errors))
        return JobOut(
            id=self.id,
            state=self.state,
            total=self.total,
            analysed=self.analysed,
            event=self.event,
            url=f"/events/{path_part(self.event)}" if self.event else None,
            error=self.error,
            inputs=inputs,
        )


def _input_error(failure: Failure) -> InputError:
    return InputError(source=failure.source, code=failure.code, message=failure.message)


class JobRunner:
    """Run ingest jobs on one worker thread; each job opens its own store connection."""

    def __init__(self, open_store: Callable[[], Store], settings: Settings) -> None:
        self._open_store = open_store
        self._settings = replace(settings, workers=JOB_WORKERS)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-ingest")

    def submit(self, uploads: list[Upload], *, title: str | None) -> Job:
        """Queue the articles of the uploads for ingest; return the new job."""
        job = Job(id=uuid.uuid4().hex[:12], uploads=uploads, title=title)
        job.total = sum(len(upload.articles) for upload in uploads)
        with self._lock:
            self._forget_old()
            self._jobs[job.id] = job
        self._executor.submit(self._run, job)
        return job

    def get(self, job_id: str) -> JobOut | None:
        """Return a snapshot of the job, or None when unknown."""
        with self._lock:
            job = self._jobs.get(job_id)
            return job.to_out() if job else None

    def shutdown(self) -> None:
        """Drop the queued jobs and stop the worker once the running one ends."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.state in ("done", "failed")]
        for job in finished[: max(len(self._jobs) - MAX_JOBS_KEPT + 1, 0)]:
            del self._jobs[job.id]

    def _run(self, job: Job) -> None:
        """Ingest the job's articles; record the event or the reason it failed."""
        self._set(job, state="running")
        articles = [article for upload in job.uploads for article in upload.articles]
        try:
            event = self._ingest(job, articles)
        except StorylineError as e:
            self._set(job, state="failed", error=str(e))
        except Exception:  # the worker must outlive any failure of one job
            log.exception("ingest job %s failed", job.id)
            self._set(job, state="failed", error="internal error while ingesting; see the log")
        else:
            self._set(job, state="done", event=event, analysed=job.total)

    def _ingest(self, job: Job, articles: list[Article]) -> str:
        store = self._open_store()
        try:
            done = ingest(
                store,
                articles,
                settings=self._settings,
                title=job.title,
                progress=self._progress(job),
            )
        finally:
            store.close()
        self._set(job, emptied=list(done.failures))
        return done.event

    def _progress(
        self, job: Job
    ) -> Callable[[Iterator[AnalyzedArticle], int], Iterable[AnalyzedArticle]]:
        """Return a wrapper of the analysis stream that counts the articles done."""

        def count(items: Iterator[AnalyzedArticle], total: int) -> Iterator[AnalyzedArticle]:
            self._set(job, total=total)
            for done, item in enumerate(items, start=1):
                self._set(job, analysed=done)
                yield item

        return count

    def _set(self, job: Job, **changes: object) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(job, name, value)
