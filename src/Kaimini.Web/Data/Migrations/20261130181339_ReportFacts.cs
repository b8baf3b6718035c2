using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_accounts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_events",
                columns: table => new
                {
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    venue_id = table.Column<int>(type: "integer", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    @checked = table.Column<bool>(name: "checked", type: "boolean", nullable: false),
                    registered = table.Column<int>(type: "integer", nullable: false),
                    attended = table.Column<int>(type: "integer", nullable: false),
                    walk_ins = table.Column<int>(type: "integer", nullable: false),
                    in_the_room = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_events", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "report_ideas",
                columns: table => new
                {
                    idea_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: true),
                    event_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    forum_group_id = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    addressed_to = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    response = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    implemented_on = table.Column<DateOnly>(type: "date", nullable: true),
                    implemented_by = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    first_answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_ideas", x => x.idea_id);
                });

            migrationBuilder.CreateTable(
                name: "report_people",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    first_attended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_registrations",
                columns: table => new
                {
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    venue_id = table.Column<int>(type: "integer", nullable: false),
                    home_id = table.Column<int>(type: "integer", nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    attended = table.Column<bool>(type: "boolean", nullable: false),
                    walk_in = table.Column<bool>(type: "boolean", nullable: false),
                    @class = table.Column<string>(name: "class", type: "character varying(20)", maxLength: 20, nullable: false),
                    days = table.Column<double>(type: "double precision", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    flags = table.Column<int>(type: "integer", nullable: false),
                    training_days = table.Column<double>(type: "double precision", nullable: false),
                    first_attended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_registrations", x => x.registration_id);
                });

            migrationBuilder.CreateTable(
                name: "report_supports",
                columns: table => new
                {
                    support_id = table.Column<long>(type: "bigint", nullable: false),
                    idea_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: true),
                    supporter_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_supports", x => x.support_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_community_memberships_leaders",
                table: "community_memberships",
                column: "user_id",
                filter: "is_leader");

            migrationBuilder.CreateIndex(
                name: "ix_report_accounts_user_id",
                table: "report_accounts",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_events_starts_at",
                table: "report_events",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_report_ideas_created_at",
                table: "report_ideas",
                column: "created_at")
                .Annotation("Npgsql:IndexInclude", new[] { "territory_id", "theme_id", "event_kind", "forum_group_id", "source", "addressed_to", "response", "implemented_on", "first_answered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_ideas_implemented_on",
                table: "report_ideas",
                column: "implemented_on",
                filter: "implemented_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_report_ideas_territory_id_created_at",
                table: "report_ideas",
                columns: new[] { "territory_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_people_person_hash",
                table: "report_people",
                column: "person_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_registrations_attendances",
                table: "report_registrations",
                column: "starts_at",
                filter: "status = 'Confirmed' AND attended")
                .Annotation("Npgsql:IndexInclude", new[] { "person_id", "home_id", "kind", "theme_id", "class", "flags", "training_days", "first_attended_at", "community_id" });

            migrationBuilder.CreateIndex(
                name: "ix_report_registrations_community_id_starts_at",
                table: "report_registrations",
                columns: new[] { "community_id", "starts_at" },
                filter: "status = 'Confirmed' AND attended");

            migrationBuilder.CreateIndex(
                name: "ix_report_registrations_event_id",
                table: "report_registrations",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_registrations_home_id_starts_at",
                table: "report_registrations",
                columns: new[] { "home_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_registrations_person_id",
                table: "report_registrations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_registrations_starts_at",
                table: "report_registrations",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_report_registrations_venue_id_starts_at",
                table: "report_registrations",
                columns: new[] { "venue_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_supports_created_at",
                table: "report_supports",
                column: "created_at")
                .Annotation("Npgsql:IndexInclude", new[] { "supporter_id", "territory_id", "theme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_report_supports_idea_id",
                table: "report_supports",
                column: "idea_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_supports_territory_id_created_at",
                table: "report_supports",
                columns: new[] { "territory_id", "created_at" });

            // What keeps the facts current (Features/Reports/ReportFacts.cs): an append-only list of the
            // events and ideas whose facts are stale, filled by statement-level triggers, so writers never
            // wait on one another; ReportFacts.RefreshAsync rebuilds what it lists.
            migrationBuilder.Sql("""
                CREATE TABLE report_stale (subject text NOT NULL, id integer NOT NULL);
                CREATE INDEX ix_report_stale_subject ON report_stale (subject);

                CREATE FUNCTION report_stale_event_of_registration() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO report_stale (subject, id) SELECT DISTINCT 'event', event_id FROM changed;
                    RETURN NULL;
                END $$;
                -- An event's ideas carry its kind.
                CREATE FUNCTION report_stale_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO report_stale (subject, id) SELECT DISTINCT 'event', id FROM changed;
                    INSERT INTO report_stale (subject, id) SELECT DISTINCT 'idea', i.id FROM changed c JOIN ideas i ON i.event_id = c.id;
                    RETURN NULL;
                END $$;
                -- Becoming or ceasing to be a leader changes who a person counts as at every event they attended.
                CREATE FUNCTION report_stale_events_of_member() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO report_stale (subject, id)
                        SELECT DISTINCT 'event', r.event_id FROM (SELECT DISTINCT user_id FROM changed) c JOIN event_registrations r ON r.user_id = c.user_id;
                    RETURN NULL;
                END $$;
                -- Supports, and an idea's history (its first answer).
                CREATE FUNCTION report_stale_idea_of_support() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO report_stale (subject, id) SELECT DISTINCT 'idea', idea_id FROM changed;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION report_stale_idea() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO report_stale (subject, id) SELECT DISTINCT 'idea', id FROM changed;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER report_stale_on_insert AFTER INSERT ON event_registrations
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_event_of_registration();
                CREATE TRIGGER report_stale_on_update AFTER UPDATE ON event_registrations
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_event_of_registration();
                CREATE TRIGGER report_stale_on_delete AFTER DELETE ON event_registrations
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_event_of_registration();
                CREATE TRIGGER report_stale_on_update AFTER UPDATE ON events
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_event();
                CREATE TRIGGER report_stale_on_delete AFTER DELETE ON events
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_event();
                CREATE TRIGGER report_stale_on_insert AFTER INSERT ON community_memberships
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_events_of_member();
                CREATE TRIGGER report_stale_on_update AFTER UPDATE ON community_memberships
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_events_of_member();
                CREATE TRIGGER report_stale_on_delete AFTER DELETE ON community_memberships
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_events_of_member();
                CREATE TRIGGER report_stale_on_insert AFTER INSERT ON idea_supports
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_idea_of_support();
                CREATE TRIGGER report_stale_on_update AFTER UPDATE ON idea_supports
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_idea_of_support();
                CREATE TRIGGER report_stale_on_delete AFTER DELETE ON idea_supports
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_idea_of_support();
                CREATE TRIGGER report_stale_on_insert AFTER INSERT ON idea_history
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_idea_of_support();
                CREATE TRIGGER report_stale_on_insert AFTER INSERT ON ideas
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_idea();
                CREATE TRIGGER report_stale_on_update AFTER UPDATE ON ideas
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_idea();
                CREATE TRIGGER report_stale_on_delete AFTER DELETE ON ideas
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_stale_idea();

                -- Everything there is: the first refresh (Kaimini.Web migrate runs it) builds all facts.
                INSERT INTO report_stale (subject, id) SELECT 'event', id FROM events UNION ALL SELECT 'idea', id FROM ideas;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER report_stale_on_insert ON event_registrations;
                DROP TRIGGER report_stale_on_update ON event_registrations;
                DROP TRIGGER report_stale_on_delete ON event_registrations;
                DROP TRIGGER report_stale_on_update ON events;
                DROP TRIGGER report_stale_on_delete ON events;
                DROP TRIGGER report_stale_on_insert ON community_memberships;
                DROP TRIGGER report_stale_on_update ON community_memberships;
                DROP TRIGGER report_stale_on_delete ON community_memberships;
                DROP TRIGGER report_stale_on_insert ON idea_supports;
                DROP TRIGGER report_stale_on_update ON idea_supports;
                DROP TRIGGER report_stale_on_delete ON idea_supports;
                DROP TRIGGER report_stale_on_insert ON idea_history;
                DROP TRIGGER report_stale_on_insert ON ideas;
                DROP TRIGGER report_stale_on_update ON ideas;
                DROP TRIGGER report_stale_on_delete ON ideas;
                DROP FUNCTION report_stale_event_of_registration();
                DROP FUNCTION report_stale_event();
                DROP FUNCTION report_stale_events_of_member();
                DROP FUNCTION report_stale_idea_of_support();
                DROP FUNCTION report_stale_idea();
                DROP TABLE report_stale;
                """);

            migrationBuilder.DropTable(
                name: "report_accounts");

            migrationBuilder.DropTable(
                name: "report_events");

            migrationBuilder.DropTable(
                name: "report_ideas");

            migrationBuilder.DropTable(
                name: "report_people");

            migrationBuilder.DropTable(
                name: "report_registrations");

            migrationBuilder.DropTable(
                name: "report_supports");

            migrationBuilder.DropIndex(
                name: "ix_community_memberships_leaders",
                table: "community_memberships");
        }
    }
}
