using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventDetailsAndIdeas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "audience",
                table: "events",
                type: "character varying(15)",
                maxLength: 15,
                nullable: false,
                defaultValue: "Public");

            migrationBuilder.AddColumn<string>(
                name: "cancellation_notice",
                table: "events",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "head_count",
                table: "events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "municipality_quota",
                table: "events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ngo_quota",
                table: "events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "organising_partnerships",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "outcome_decisions",
                table: "events",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "outcome_recorded_at",
                table: "events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome_summary",
                table: "events",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "registration_opens_at",
                table: "events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reminder_hours_before",
                table: "events",
                type: "integer",
                nullable: true);

            // Events published before reminders existed get the default reminder.
            migrationBuilder.Sql("UPDATE events SET reminder_hours_before = 48");

            migrationBuilder.AddColumn<int>(
                name: "theme_id",
                table: "events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "event_registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "community_name",
                table: "event_registrations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminded_at",
                table: "event_registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agenda_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    time = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agenda_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_agenda_items_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_communities",
                columns: table => new
                {
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    community_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_communities", x => new { x.event_id, x.community_id });
                    table.ForeignKey(
                        name: "fk_event_communities_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_communities_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "forum_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name_lv = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    name_en = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forum_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_forum_groups_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ideas",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: true),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    event_id = table.Column<int>(type: "integer", nullable: true),
                    forum_group_id = table.Column<int>(type: "integer", nullable: true),
                    addressed_to = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: true),
                    author_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    author_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    culture = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    confirm_token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    merged_into_id = table.Column<int>(type: "integer", nullable: true),
                    response = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    support_count = table.Column<int>(type: "integer", nullable: false),
                    search_document = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ideas", x => x.id);
                    table.ForeignKey(
                        name: "fk_ideas_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_ideas_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_ideas_forum_groups_forum_group_id",
                        column: x => x.forum_group_id,
                        principalTable: "forum_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_ideas_ideas_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "ideas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_ideas_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ideas_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "idea_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    idea_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    response = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    actor_id = table.Column<string>(type: "text", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    related_idea_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idea_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_idea_history_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_idea_history_ideas_idea_id",
                        column: x => x.idea_id,
                        principalTable: "ideas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idea_supports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    idea_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idea_supports", x => x.id);
                    table.ForeignKey(
                        name: "fk_idea_supports_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_idea_supports_ideas_idea_id",
                        column: x => x.idea_id,
                        principalTable: "ideas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_status_territory_id_starts_at",
                table: "events",
                columns: new[] { "status", "territory_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_status_theme_id_starts_at",
                table: "events",
                columns: new[] { "status", "theme_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_theme_id",
                table: "events",
                column: "theme_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_community_id",
                table: "event_registrations",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_unreminded",
                table: "event_registrations",
                columns: new[] { "event_id", "status" },
                filter: "reminded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_event_id_position",
                table: "agenda_items",
                columns: new[] { "event_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_event_communities_community_id_event_id",
                table: "event_communities",
                columns: new[] { "community_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_forum_groups_event_id_position",
                table: "forum_groups",
                columns: new[] { "event_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_history_actor_id",
                table: "idea_history",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_idea_history_idea_id_at",
                table: "idea_history",
                columns: new[] { "idea_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_supports_idea_id_user_id",
                table: "idea_supports",
                columns: new[] { "idea_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idea_supports_user_id",
                table: "idea_supports",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_author_email",
                table: "ideas",
                column: "author_email");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_author_id",
                table: "ideas",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_confirm_token_hash",
                table: "ideas",
                column: "confirm_token_hash",
                unique: true,
                filter: "confirm_token_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_event_id_forum_group_id",
                table: "ideas",
                columns: new[] { "event_id", "forum_group_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_forum_group_id",
                table: "ideas",
                column: "forum_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_merged_into_id",
                table: "ideas",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_search_document",
                table: "ideas",
                column: "search_document")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_addressed_to_response",
                table: "ideas",
                columns: new[] { "status", "addressed_to", "response" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_created_at",
                table: "ideas",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_support_count",
                table: "ideas",
                columns: new[] { "status", "support_count" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_territory_id",
                table: "ideas",
                columns: new[] { "status", "territory_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_theme_id",
                table: "ideas",
                columns: new[] { "status", "theme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_territory_id",
                table: "ideas",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_theme_id",
                table: "ideas",
                column: "theme_id");

            migrationBuilder.AddForeignKey(
                name: "fk_event_registrations_communities_community_id",
                table: "event_registrations",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_events_themes_theme_id",
                table: "events",
                column: "theme_id",
                principalTable: "themes",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_event_registrations_communities_community_id",
                table: "event_registrations");

            migrationBuilder.DropForeignKey(
                name: "fk_events_themes_theme_id",
                table: "events");

            migrationBuilder.DropTable(
                name: "agenda_items");

            migrationBuilder.DropTable(
                name: "event_communities");

            migrationBuilder.DropTable(
                name: "idea_history");

            migrationBuilder.DropTable(
                name: "idea_supports");

            migrationBuilder.DropTable(
                name: "ideas");

            migrationBuilder.DropTable(
                name: "forum_groups");

            migrationBuilder.DropIndex(
                name: "ix_events_status_territory_id_starts_at",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_status_theme_id_starts_at",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_theme_id",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_community_id",
                table: "event_registrations");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_unreminded",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "audience",
                table: "events");

            migrationBuilder.DropColumn(
                name: "cancellation_notice",
                table: "events");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "head_count",
                table: "events");

            migrationBuilder.DropColumn(
                name: "municipality_quota",
                table: "events");

            migrationBuilder.DropColumn(
                name: "ngo_quota",
                table: "events");

            migrationBuilder.DropColumn(
                name: "organising_partnerships",
                table: "events");

            migrationBuilder.DropColumn(
                name: "outcome_decisions",
                table: "events");

            migrationBuilder.DropColumn(
                name: "outcome_recorded_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "outcome_summary",
                table: "events");

            migrationBuilder.DropColumn(
                name: "registration_opens_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "reminder_hours_before",
                table: "events");

            migrationBuilder.DropColumn(
                name: "theme_id",
                table: "events");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "community_name",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "reminded_at",
                table: "event_registrations");
        }
    }
}
