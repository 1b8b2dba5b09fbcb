"""``manage.py import_articles``: bring a clinic's existing articles into the site as drafts."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Collection, CollectionViewRestriction

from blog.importers.files import read_folder
from blog.importers.images import ImageImporter
from blog.importers.importer import ArticleImporter, ImportReport
from blog.importers.wordpress import WXRError, read_wxr
from blog.models import BlogIndexPage

# Imported images land here unless staff name another collection: private until someone looks at them.
DEFAULT_COLLECTION = "Imported images"


class Command(BaseCommand):
    """Import articles from a WordPress export (WXR) or a folder of HTML/Markdown files.

    Every article becomes a draft under the articles index, for staff to
    check and send through medical review. Running it again is safe: nothing
    is duplicated, and pages staff have changed since are left alone.
    """

    help = (
        "Import articles as draft pages from a WordPress export (.xml) or a folder of .html/.md files. "
        "Creates images, categories, tags and redirects from the old addresses; reports what it could not convert."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="A WordPress export file (.xml) or a folder of .html/.md files.")
        parser.add_argument(
            "--index",
            help="The articles index to import under: its id or slug (default: the first one in the page tree).",
        )
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of the old site's uploads folder (WordPress: wp-content/uploads), where images are looked up.",
        )
        parser.add_argument(
            "--fetch-images",
            action="store_true",
            help="Download images not found locally from the old site (off by default).",
        )
        parser.add_argument(
            "--collection",
            default=DEFAULT_COLLECTION,
            help=(
                "The image collection new images go into (an existing one's name). Default: "
                f"“{DEFAULT_COLLECTION}”, created restricted to signed-in users, so imported images stay out "
                "of the public image API until staff move them."
            ),
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would be done; change nothing.")

    def handle(
        self,
        *args,
        source: Path,
        index=None,
        media_dir=None,
        fetch_images=False,
        dry_run=False,
        collection=DEFAULT_COLLECTION,
        **options,
    ):
        if not source.exists():
            raise CommandError(f"{source} does not exist.")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        try:
            export = read_folder(source) if source.is_dir() else read_wxr(source)
        except WXRError as error:
            raise CommandError(str(error)) from error
        target = self._index(index)
        images = ImageImporter(
            media_dir=media_dir or (source if source.is_dir() else None),
            attachments=export.attachments,
            fetch=fetch_images,
            dry_run=dry_run,
            collection=self._collection(collection, dry_run),
        )
        quiet = options.get("verbosity", 1) == 0

        def progress(items):
            return tqdm(items, desc="Importing articles", unit="article", file=self.stderr, disable=quiet)

        report = ArticleImporter(target, images, dry_run=dry_run, progress=progress).run(export)
        if not quiet:
            self._print(report, target)

    def _collection(self, name: str, dry_run: bool) -> Collection | None:
        found = Collection.objects.filter(name=name).order_by("path").first()
        if found is not None:
            return found
        if name != DEFAULT_COLLECTION:
            known = ", ".join(Collection.objects.values_list("name", flat=True))
            raise CommandError(f"No image collection named “{name}” (there are: {known}).")
        if dry_run:
            return None
        created = Collection.get_first_root_node().add_child(name=name)
        CollectionViewRestriction.objects.create(collection=created, restriction_type=CollectionViewRestriction.LOGIN)
        return created

    def _index(self, wanted: str | None) -> BlogIndexPage:
        indexes = BlogIndexPage.objects.order_by("path")
        if wanted:
            index = indexes.filter(pk=int(wanted)).first() if wanted.isdigit() else indexes.filter(slug=wanted).first()
            if index is None:
                raise CommandError(f"No articles index with id or slug “{wanted}”.")
            return index
        index = indexes.first()
        if index is None:
            raise CommandError("There is no articles index to import into; create one (or load the demo content).")
        return index

    def _print(self, report: ImportReport, index: BlogIndexPage) -> None:
        would = "would be " if report.dry_run else ""
        write = self.stdout.write
        if report.dry_run:
            write(self.style.WARNING("Dry run: nothing was changed."))
        write(f"Articles index: {index.title} ({index.get_url() or index.url_path})")
        for heading, lines in (
            (f"Drafts {would}created", report.created),
            (f"Protected by their WordPress post password (page password {would}set)", report.password_protected),
            (f"Drafts {would}updated", report.updated),
            ("Unchanged since the last import", report.unchanged),
            ("Left alone (changed by staff since the import)", report.kept),
        ):
            if lines:
                write(f"{heading}: {len(lines)}")
                for line in lines:
                    write(f"  {line}")
        write(
            f"Images {would}imported: {report.images_created}, already in the library: {report.images_reused}; "
            f"redirects {would}created: {report.redirects_created}; "
            f"categories {would}created: {', '.join(report.categories_created) or 'none'}"
        )
        if report.problems:
            write(self.style.WARNING(f"Could not convert ({len(report.failed)} items not imported):"))
            for problem in report.problems:
                write(f"  {problem}")
        else:
            write(self.style.SUCCESS("Everything was converted."))
