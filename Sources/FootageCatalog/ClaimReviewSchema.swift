import GRDB

/// The v10 migration: the analyst's review of claims (`footage claim dismiss`, `footage claim edit`,
/// `footage verdict`) and what a publisher needs to post a review (the reviewing organisation, each article's
/// review URL).
///
/// Every review is a row of its own, never an update: a claim's extracted text stays in `claim.text`, each edit
/// keeps the text it replaced, and the latest verdict stands with every earlier one kept as history.
enum ClaimReviewSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10 claim review") { db in
            try db.execute(
                sql: """
                    CREATE TABLE claim_review (
                        id INTEGER PRIMARY KEY,
                        claim_id INTEGER NOT NULL REFERENCES claim(id),
                        action TEXT NOT NULL CHECK (action IN ('dismiss', 'edit', 'verdict')),
                        text TEXT,
                        previous_text TEXT,
                        rating TEXT CHECK (rating IN
                            ('false', 'misleading', 'missing-context', 'unproven', 'mostly-true', 'true')),
                        note TEXT,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE INDEX claim_review_claim ON claim_review(claim_id);
                    CREATE TABLE reviewer (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        url TEXT,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE TABLE review_url (
                        id INTEGER PRIMARY KEY,
                        article_id INTEGER NOT NULL REFERENCES article(id),
                        url TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE INDEX review_url_article ON review_url(article_id);
                    """)
        }
    }
}
