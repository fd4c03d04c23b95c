"""govkg command line: each command parses options, calls one kg function, prints.

Errors from the library (kg.errors) become one line on stderr and exit code 1; usage
errors exit 2; a traceback only with --debug.
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from kg.errors import GovkgError, UsageError
from kg.output import FORMATS, Listing, render, terminal_safe
from kg.store import default_store_path
from kg.iris import DEFAULT_BASE


class _State:
    debug = False


def _echo(text="", err: bool = False, **kw) -> None:
    """Print user text: control characters escaped on a terminal (and always on stderr),
    bytes of file names that are not UTF-8 always (they cannot be printed raw)."""
    text = str(text)
    stream = sys.stderr if err else sys.stdout
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if err or tty:
        text = terminal_safe(text)
    else:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    click.echo(text, err=err, **kw)


def _fail(message: str, code: int = 1) -> None:
    _echo(f"govkg: {message}", err=True)
    sys.exit(code)


def _one_line(text: str) -> str:
    """A message as one line: the contract promises one line per error on stderr."""
    return " ".join(str(text).split()) or "unknown error"


def _stdout_gone() -> None:
    # The reader of our output went away (`govkg query ... | head`): that is not an
    # error to report, and Python must not complain again when it flushes stdout at exit.
    try:
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def handle_errors(fn):
    """Turn library errors into one line and an exit code; no traceback unless --debug."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except click.exceptions.ClickException:
            raise  # click prints its own usage errors (exit 2)
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except GovkgError as e:
            if _State.debug:
                raise
            _fail(_one_line(e), e.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            _stdout_gone()
            sys.exit(1)
        except MemoryError:
            if _State.debug:
                raise
            _fail("out of memory; read fewer or smaller files at a time")
        except OSError as e:
            if _State.debug:
                raise
            where = f"{e.filename}: " if getattr(e, "filename", None) else ""
            _fail(_one_line(f"{where}{e.strerror or e} ({type(e).__name__})"))
        except RecursionError:
            if _State.debug:
                raise
            _fail("input too deeply nested to process; rerun with --debug and report it")
        except Exception as e:  # a bug in govkg: still one line, never a traceback by default
            if _State.debug:
                raise
            _fail(_one_line(f"internal error ({type(e).__name__}: {e}); "
                            "rerun with --debug for the traceback and report it"))
    return wrapper


def _accepts(fn, name: str) -> bool:
    import inspect
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def _remote_store(endpoint: str):
    try:
        from kg.remote import RemoteStore
    except ImportError:
        raise UsageError("--endpoint is not available in this version of govkg; "
                         "use a local --store DIR") from None
    return RemoteStore(endpoint)


def output_options(fn=None, *, extra: tuple[str, ...] = (), extra_help: str = ""):
    """--format table|json|ndjson|csv for every command that returns rows (and the `extra`
    formats a command adds, said in `extra_help`)."""
    def add(f):
        return click.option("--format", "fmt", type=click.Choice(FORMATS + extra), default="table",
                            show_default=True, help="table for people (names and dates), json or ndjson for "
                            "programs, csv for spreadsheets (json, ndjson and csv keep IRIs)" + extra_help)(f)
    return add if fn is None else add(fn)


def listing_options(fn=None, *, extra: tuple[str, ...] = (), extra_help: str = ""):
    """--limit/--offset, --body/--since/--until and --format for every command that prints a
    listing: the command is given them as `listing` (a kg.output.Listing) and `fmt` (one of
    FORMATS, or of the `extra` formats the command adds)."""
    if fn is None:
        return functools.partial(listing_options, extra=extra, extra_help=extra_help)

    @functools.wraps(fn)
    def wrapper(*args, limit=None, offset=0, body=None, since=None, until=None, **kwargs):
        from kg.query import check_day
        try:  # (outside the command's handle_errors: its error said here the same way)
            check_day("--since", since)
            check_day("--until", until)
        except GovkgError as e:
            if _State.debug:
                raise
            _fail(_one_line(e), e.exit_code)
        return fn(*args, listing=Listing(limit, offset, body, since, until), **kwargs)
    for option in reversed((
            click.option("--limit", type=click.IntRange(min=0), default=None, help="at most this many rows (a page)"),
            click.option("--offset", type=click.IntRange(min=0), default=0, help="rows to skip before the page"),
            click.option("--body", default=None, metavar="NAME", help="only rows of this body's meetings"),
            click.option("--since", default=None, metavar="DATE",
                         help="only rows of meetings on or after DATE (YYYY-MM-DD)"),
            click.option("--until", default=None, metavar="DATE",
                         help="only rows of meetings on or before DATE (YYYY-MM-DD)"))):
        wrapper = option(wrapper)
    return output_options(wrapper, extra=extra, extra_help=extra_help)


def store_option(fn):
    return click.option("--store", "store", type=click.Path(file_okay=False), default=None,
                        help="store folder (default: $GOVKG_STORE or outputs/store)")(fn)


class Endpoint(str):
    """A SPARQL 1.1 endpoint URL given with --endpoint, standing where a store folder would."""


def read_store_options(fn):
    """--store DIR or --endpoint URL for every command that reads the graph."""
    @functools.wraps(fn)
    def wrapper(*args, endpoint=None, **kwargs):
        if endpoint:
            kwargs["store"] = Endpoint(endpoint)
        return fn(*args, **kwargs)
    wrapper = click.option("--endpoint", default=None,
                           help="read from a SPARQL 1.1 endpoint (e.g. an Oxigraph server) instead of a store folder")(wrapper)
    return store_option(wrapper)


def _store_path(store: str | None) -> str:
    return store or default_store_path()


def _open_read(store: str | None, endpoint: str | None = None):
    from kg.store import GraphStore
    if isinstance(store, Endpoint):
        endpoint = str(store)
    if endpoint:
        return _remote_store(endpoint)
    return GraphStore(_store_path(store), read_only=True)


def _print_rows(columns, rows, fmt, store=None):
    """Print rows in the chosen format; a table names what the store's IRIs stand for."""
    labels = None
    if fmt == "table" and store is not None and rows:
        from kg.output import iris_in
        from kg.query import display_labels
        labels = display_labels(store, iris_in(rows))
    out = render(columns, rows, fmt, labels=labels)
    if out or fmt != "ndjson":
        _echo(out)


def _print_listing(columns, rows, fmt, listing: Listing, store=None):
    """Print the page `listing` asks for of `rows` (a list or an iterator): json, ndjson and
    csv a line at a time as the rows come, never all held; a table (which sizes its columns
    to every row) from the page."""
    page = listing.page(rows)
    if fmt == "table":
        _print_rows(columns, list(page), fmt, store)
        return
    from kg.output import render_lines
    for line in render_lines(columns, page, fmt):
        _echo(line)


class OneLineGroup(click.Group):
    """click's usage errors as one 'govkg:' line too (exit 2), like every other error."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as e:
            where = e.ctx.command_path if e.ctx else "govkg"
            _echo(f"govkg: {e.format_message()} (see {where} --help)", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            _echo(f"govkg: {e.format_message()}", err=True)
            sys.exit(e.exit_code)
        except click.Abort:
            _echo("govkg: aborted", err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv


@click.group(cls=OneLineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="show tracebacks")
@click.version_option(package_name="govkg")
def main(debug: bool) -> None:
    """govkg: who owns what in the minutes of public bodies, as a knowledge graph."""
    _State.debug = debug


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--endpoint", default=None, help="build into a SPARQL 1.1 endpoint instead of a local store")
@click.option("--body", default=None, help="the body whose minutes these are, where the text does not say")
@click.option("--date", default=None, help="meeting date YYYY-MM-DD, where the text does not say")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="base IRI of instance data")
@click.option("--force", is_flag=True, help="rebuild files whose content is already stored")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="worker processes that read documents in parallel (0: one per CPU)")
@click.option("--corrections", "corrections", type=click.Path(dir_okay=False), default=None,
              help="corrections file to apply (default: STORE/corrections.toml where it exists)")
@handle_errors
def build(paths, store, endpoint, body, date, base, force, jobs, corrections):
    """Read minutes (files or folders) into the graph."""
    from kg.pipeline import build_into_store
    _check_date(date)
    on_terminal = sys.stderr.isatty()
    kwargs = dict(body=body, date=date, base=base, force=force, progress=_progress if on_terminal else None)
    if on_terminal and _accepts(build_into_store, "stage"):
        kwargs["stage"] = _stage
    if corrections:
        kwargs["corrections"] = corrections
    if jobs != 1 and _accepts(build_into_store, "jobs"):
        kwargs["jobs"] = jobs  # where the pipeline cannot read in parallel it reads in turn
    if endpoint:
        if not _accepts(build_into_store, "endpoint"):
            raise UsageError("--endpoint is not available for build in this version of govkg; "
                             "use a local --store DIR")
        kwargs["endpoint"] = endpoint
    report = build_into_store(list(paths), None if endpoint else _store_path(store), **kwargs)
    if report.skipped:
        _echo(f"skipped {len(report.skipped)} files that are not minutes: {', '.join(report.skipped)}")
    for r in report.not_minutes:
        _echo(f"skipped {_one_line(r.error or r.path)}")
    for r in report.built:
        _echo(f"built {r.path}: {r.triples} triples")
        for u in r.unresolved:
            _echo(f"  unresolved: {u}")
        if r.warning:
            _echo(f"govkg: warning: {_one_line(r.warning)}", err=True)
    for line in report.stale_corrections:
        _echo(f"govkg: warning: {_one_line(line)}", err=True)
    for r in report.results:
        if r.status == "same":
            _echo(f"not built {r.path}: same as {r.same_as}")
    unchanged = [r for r in report.results if r.status == "unchanged"]
    if unchanged:
        _echo(f"unchanged (already stored): {len(unchanged)} file(s)")
    for r in report.failed:
        _echo(f"govkg: {_one_line(r.error or f'{r.path}: could not be built')}", err=True)
    skipped = len(report.skipped) + len(report.not_minutes)
    _echo(f"{len(report.built)} built, {len(unchanged)} unchanged, {len(report.failed)} failed"
          f"{f', {skipped} skipped' if skipped else ''} -> {endpoint or _store_path(store)}")
    if report.failed:
        sys.exit(1)
    if len(report.not_minutes) == len(report.results):  # nothing read that is minutes
        if skipped:
            raise GovkgError(f"no minutes files found in {', '.join(paths)}: the {skipped} file(s) skipped "
                             "above are not minutes; name a file to build it anyway")
        raise GovkgError(f"no minutes files found in {', '.join(paths)}; govkg reads "
                         ".txt, .md, .html, .htm, .xml, .pdf and .docx files")


def _stage(text: str) -> None:
    click.echo(f"govkg: {text} ...", err=True)


def _progress(items):
    from tqdm import tqdm
    cols, rows = _stderr_size()
    return tqdm(items, unit="doc", file=sys.stderr, ncols=cols, nrows=rows)


def _stderr_size() -> tuple[int, int]:
    # A terminal that reports no size (a pty nobody sized: a CI runner, a job under
    # `script`) says 0 x 0, and tqdm then hides its bar as if below the screen's last
    # row: the build looks silent.  The usual 80 x 24 stands in.
    import os
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
        cols, rows = size.columns, size.lines
    except (OSError, ValueError, AttributeError):
        cols = rows = 0
    return (cols if cols > 0 else 80), (rows if rows > 0 else 24)


def _check_date(date: str | None) -> None:
    from kg.query import check_day
    check_day("--date", date)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "summary", "ndjson", "csv"]), default="summary",
              show_default=True, help="summary: what was read, one row per document; json: the records build "
                                      "turns into RDF; ndjson or csv: the summary rows, one per document")
@click.option("--body", default=None)
@click.option("--date", default=None)
@handle_errors
def extract(paths, fmt, body, date):
    """Show what govkg reads from minutes (files or folders), before it becomes a graph."""
    from pathlib import Path
    from kg import summary
    from kg.output import render
    _check_date(date)
    if len(paths) == 1 and not Path(paths[0]).is_dir() and fmt in ("json", "summary"):
        _extract_one(paths[0], fmt, body, date)
        return
    if fmt == "json":
        docs = summary.extract_paths(paths, body=body, date=date)
        _echo(json.dumps([{"file": p, "error": r.reason} if isinstance(r, GovkgError) else {"file": p, **r.to_json()}
                               for p, r in docs], indent=2, ensure_ascii=False, default=sorted))
        return
    rows = summary.summarise(paths, body=body, date=date)
    if fmt in ("ndjson", "csv"):
        _echo(render(summary.COLUMNS, rows, fmt))
        return
    _echo(render(summary.COLUMNS, rows, "table"))
    counts = summary.warning_counts(rows)
    if counts:
        _echo(render(["warning", "documents"],
                          [{"warning": w, "documents": str(n)} for w, n in sorted(counts.items())], "table"))


def _extract_one(file, fmt, body, date):
    from kg.pipeline import extract_file
    from kg.summary import warnings_of
    ex = extract_file(file, body=body, date=date)
    if fmt == "json":
        _echo(json.dumps(ex.to_json(), indent=2, ensure_ascii=False, default=sorted))
        return
    m = ex.meeting
    _echo(f"{file}: {m.body or '(body unknown)'} {m.date or '(date unknown)'}")
    for label, items in (("people", ex.people), ("organisations", ex.organisations), ("attendance", ex.attendance),
                         ("items", ex.items), ("declarations", ex.declarations), ("decisions", ex.decisions),
                         ("actions", ex.actions), ("statements", ex.statements), ("judgements", ex.judgements),
                         ("reports", ex.reports), ("responsibilities", ex.responsibilities)):
        _echo(f"  {label:16} {len(items)}")
    warnings = warnings_of(ex)
    if warnings:
        _echo(f"  {'warnings':16} {'; '.join(warnings)}")


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, exists=False))
@click.option("-e", "expr", default=None, help="a SPARQL query given inline")
@click.option("--name", default=None, help="a named query (see --list)")
@click.option("-p", "params", multiple=True, help="KEY=VALUE bound by the engine, never pasted into the query")
@click.option("--list", "list_queries", is_flag=True, help="list the named queries")
@click.option("--allow-update", is_flag=True, help="allow SPARQL UPDATE (opens the store for writing)")
@click.option("--allow-service", is_flag=True, help="allow SERVICE calls to other SPARQL servers")
@click.option("--timeout", type=float, default=None, help="seconds before a query is stopped")
@click.option("--endpoint", default=None, help="query a SPARQL 1.1 endpoint instead of a local store")
@click.option("--meeting", default=None, metavar="IRI", help="only rows of this meeting (its IRI, as `meetings` lists it)")
@listing_options
@store_option
@handle_errors
def query(file, expr, name, params, list_queries, allow_update, allow_service, timeout, endpoint, meeting, listing,
          fmt, store):
    """Run a named query, a .rq file, or -e SPARQL."""
    from kg import query as q
    limit, offset, body, since, until = listing.limit, listing.offset, listing.body, listing.since, listing.until
    if list_queries:
        rows = [{"name": n, "description": nq.description} for n, nq in sorted(q.named_queries().items())]
        _print_listing(["name", "description"], rows, fmt, listing)
        return
    if timeout is not None and not timeout > 0:
        raise UsageError(f"--timeout {timeout:g}: give a number of seconds above 0")
    if timeout is not None and timeout > 365 * 24 * 3600:
        timeout = None  # `inf`, or more than a year: no limit
    given = [x for x in (file, expr, name) if x]
    if len(given) != 1:
        raise UsageError("give exactly one of FILE.rq, -e SPARQL or --name NAME (see govkg query --list)")
    bindings = {}
    for p in params:
        if "=" not in p:
            raise UsageError(f"-p {p!r}: write parameters as KEY=VALUE")
        k, v = p.split("=", 1)
        bindings[k] = v
    if name:
        nq = q.get_named(name)
    elif file:
        path = Path(file)
        if not path.is_file():
            raise GovkgError(f"{file}: no such query file; give a .rq file or --name NAME")
        try:
            nq = q.from_text(path.read_text(encoding="utf-8-sig"), path.stem)
        except UnicodeDecodeError:
            raise GovkgError(f"{file}: the query file is not UTF-8 text; save it as UTF-8") from None
    else:
        nq = q.from_text(expr, "-e")
    if allow_update and q.is_update(nq.text):
        from kg.store import GraphStore
        with (_remote_store(endpoint) if endpoint else GraphStore(_store_path(store))) as st:
            if endpoint and timeout is not None:
                st.timeout = timeout
            q.run_update(st, nq, allow_service=allow_service)
        _echo(f"update applied to {endpoint or _store_path(store)}")
        return
    st = _open_read(store, endpoint)
    if body is not None:  # a body no meeting has: said when the listing is empty, not looked up first
        from kg.output import checked_rows
        run_query, stream_query = q.run, q.stream

        def run_or_check(*a, **kw):
            columns, rows = run_query(*a, **kw)
            return columns, list(checked_rows(rows, lambda: q.check_body(st, body)))

        def stream_or_check(*a, **kw):
            columns, rows = stream_query(*a, **kw)
            return columns, checked_rows(rows, lambda: q.check_body(st, body))
    else:
        run_or_check, stream_or_check = q.run, q.stream
    if fmt != "table" and timeout is None:
        # rows are printed as the engine hands them out, never all held at once
        from kg.output import render_lines
        columns, rows = stream_or_check(st, nq, bindings, allow_service=allow_service, limit=limit, offset=offset,
                                        body=body, since=since, until=until, meeting=meeting)
        for line in render_lines(columns, rows, fmt):
            _echo(line)
        return
    columns, rows = run_or_check(st, nq, bindings, timeout=timeout, allow_service=allow_service, limit=limit,
                                 offset=offset, body=body, since=since, until=until, meeting=meeting)
    _print_rows(columns, rows, fmt, st)


ASK_PAGE = 20  # answers a table shows unless told --limit or --all


@main.command()
@click.argument("question")
@click.option("--all", "show_all", is_flag=True, help="every answer, however many")
@listing_options
@read_store_options
@handle_errors
def ask(question, show_all, listing, fmt, store):
    """Ask who owns what in plain English, e.g. govkg ask "who owns the data set".

    table prints each answer with its evidence and meeting, the first 20 of a long answer
    and how many more there are; json, ndjson and csv print the answer's rows.  --body,
    --since and --until keep the answers of those meetings, --offset and --limit page them."""
    from kg.ask import answer, meetings
    st = _open_read(store)
    keep = listing.meetings(st)
    if keep is not None:  # some answers name their meeting by its label ("Body, date")
        keep |= {m.label for iri, m in meetings(st, keep).items() if iri in keep}
    ans = answer(st, question).narrowed(keep, listing.offset)
    limit = listing.limit
    if show_all:
        limit = None
    elif limit is None and fmt == "table":
        limit = ASK_PAGE
    if fmt == "table":
        _echo(ans.text(limit))
        return
    _print_listing(ans.columns, ans.rows, fmt, Listing(limit=limit))


@main.command()
@click.argument("a")
@click.argument("b")
@output_options
@read_store_options
@handle_errors
def path(a, b, fmt, store):
    """The shortest accountability path between two names."""
    from kg.analyse import shortest_path
    st = _open_read(store)
    columns, rows = shortest_path(st, a, b)
    _print_rows(columns, rows, fmt, st)


@main.command()
@click.argument("what", type=click.Choice(["busiest", "connectors", "unowned", "followup"]))
@listing_options
@read_store_options
@handle_errors
def analyse(what, listing, fmt, store):
    """Network analysis: busiest owners, connecting organisations, unowned actions, follow-up."""
    from kg import analyse as an
    st = _open_read(store)
    columns, rows = an.STREAMED[what](st, listing.meetings(st))
    _print_listing(columns, rows, fmt, listing, st)


@main.command()
@listing_options(extra=("toml",), extra_help="; toml: the fixes as a corrections file to edit")
@read_store_options
@handle_errors
def review(listing, fmt, store):
    """What most needs a person's eye, ranked, with the correction to paste for each."""
    from kg.review import as_toml, review as run_review
    st = _open_read(store)
    columns, rows = run_review(st, listing.meetings(st))
    if fmt == "toml":
        _echo(as_toml(list(listing.page(rows))).rstrip("\n"))
        return
    _print_listing(columns, rows, fmt, listing)


@main.command()
@click.option("--open", "open_only", is_flag=True, help="only actions not yet done or dropped")
@click.option("--overdue", is_flag=True, help="only actions past their due date and not done")
@click.option("--as-of", "as_of", default=None, metavar="DATE", help="date --overdue is judged on (default today)")
@click.option("--owner", default=None, metavar="NAME", help="only actions of this owner")
@listing_options
@read_store_options
@handle_errors
def actions(open_only, overdue, as_of, owner, listing, fmt, store):
    """The action tracker: each action with its owner, due date, state and latest report-back."""
    from kg.followups import action_rows
    from kg.output import checked_rows
    from kg.query import check_body
    st = _open_read(store)
    columns, rows = action_rows(st, open_only=open_only, overdue=overdue, as_of=as_of, owner=owner,
                                   body=listing.body, since=listing.since, until=listing.until)
    if listing.body is not None:
        rows = checked_rows(rows, lambda: check_body(st, listing.body))
    _print_listing(columns, rows, fmt, listing, st)


@main.command()
@click.option("-o", "output", type=click.Path(dir_okay=False), default="outputs/tracker.html", show_default=True)
@click.option("--body", default=None, metavar="NAME", help="only this body's actions")
@read_store_options
@handle_errors
def tracker(output, body, store):
    """Write the action tracker as one offline HTML page: an action per row, a later meeting
    per column, each cell the report-back's state (its sentence on hover)."""
    from kg.tracker import write_tracker
    info = write_tracker(_open_read(store), output, body=body)
    _echo(f"wrote {info.path}: {info.actions} actions, {info.meetings} meetings, {info.reports} report-backs")


@main.command()
@click.option("--focus", default=None, help="centre the view on a person or organisation")
@click.option("--depth", type=int, default=2, show_default=True, help="hops from --focus")
@click.option("--meeting", default=None, help="one meeting (its IRI, date or body name)")
@click.option("-o", "output", type=click.Path(dir_okay=False), default="outputs/accountability.html", show_default=True)
@read_store_options
@handle_errors
def viz(focus, depth, meeting, output, store):
    """Write an interactive HTML view of the accountability network (works offline)."""
    from kg.viz import write_view
    info = write_view(_open_read(store), output, focus=focus, depth=depth, meeting=meeting)
    _echo(f"wrote {info.path}: {info.nodes} nodes, {info.edges} edges")
    if getattr(info, "note", ""):
        _echo(info.note)


EXPORT_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld", "graphml")


@main.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("-o", "output", type=click.Path(dir_okay=False), default=None, help="file (default: stdout)")
@read_store_options
@handle_errors
def export(fmt, output, store):
    """Export the whole graph (streamed through Oxigraph)."""
    from kg.export import export_store
    n = export_store(_open_read(store), fmt, output)
    if output:
        _echo(f"wrote {output}: {n} statements")


@main.command()
@read_store_options
@handle_errors
def validate(store):
    """Check the graph against the SHACL shapes and list what to fix."""
    from kg.validate import format_violation, validate_graph
    st = _open_read(store)
    report = validate_graph(st.to_rdflib())
    for v in report.results:
        _echo(format_violation(v))
    n_v = sum(1 for v in report.results if v.severity == "Violation")
    n_w = sum(1 for v in report.results if v.severity == "Warning")
    _echo(f"{'conforms' if report.conforms else 'does not conform'}: {n_v} violation(s), {n_w} warning(s)")
    if not report.conforms:
        sys.exit(1)


@main.command()
@store_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="outputs", show_default=True)
@handle_errors
def demo(store, out_dir):
    """Build the bundled minutes, write outputs/governance.ttl and accountability.html, ask."""
    from kg.demo import run_demo
    for line in run_demo(store_path=store or str(Path(out_dir) / "store"), out_dir=out_dir):
        _echo(line)


if __name__ == "__main__":
    main()
