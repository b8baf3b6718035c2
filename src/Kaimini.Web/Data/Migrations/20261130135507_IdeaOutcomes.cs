using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdeaOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "author_email",
                table: "ideas",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254);

            migrationBuilder.AddColumn<string>(
                name: "entered_by_id",
                table: "ideas",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "implemented_by",
                table: "ideas",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "implemented_by_community_id",
                table: "ideas",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "implemented_on",
                table: "ideas",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "ideas",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Portal");

            migrationBuilder.AlterColumn<string>(
                name: "kind",
                table: "idea_history",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(15)",
                oldMaxLength: 15);

            migrationBuilder.AddColumn<string>(
                name: "implemented_by",
                table: "idea_history",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "implemented_by_name",
                table: "idea_history",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "implemented_on",
                table: "idea_history",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ideas_entered_by_id",
                table: "ideas",
                column: "entered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_implemented_by_community_id_implemented_on",
                table: "ideas",
                columns: new[] { "implemented_by_community_id", "implemented_on" },
                filter: "implemented_by_community_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_ideas_asp_net_users_entered_by_id",
                table: "ideas",
                column: "entered_by_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_ideas_communities_implemented_by_community_id",
                table: "ideas",
                column: "implemented_by_community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Source was inferred from the forum link until now: an idea linked to a forum counted as
            // collected at the forum. Existing rows keep what the reports said of them.
            migrationBuilder.Sql("UPDATE ideas SET source = 'Forum' WHERE event_id IS NOT NULL;");

            // "Done" was the implemented state: each such idea becomes implemented by the municipality
            // on the day (in Riga) of its first "done" answer, recorded in its history as that answer's
            // author, at the answer's moment.
            migrationBuilder.Sql("""
                WITH done AS (
                    SELECT DISTINCT ON (h.idea_id) h.idea_id, h.at, h.actor_id, h.actor_name
                    FROM idea_history h JOIN ideas i ON i.id = h.idea_id
                    WHERE h.kind = 'Answered' AND h.response = 'Done' AND i.response = 'Done'
                    ORDER BY h.idea_id, h.at, h.id),
                history AS (
                    INSERT INTO idea_history (idea_id, at, kind, implemented_on, implemented_by, actor_id, actor_name)
                    SELECT idea_id, at, 'Implemented', (at AT TIME ZONE 'Europe/Riga')::date, 'Municipality', actor_id, actor_name FROM done)
                UPDATE ideas i SET implemented_on = (done.at AT TIME ZONE 'Europe/Riga')::date, implemented_by = 'Municipality'
                FROM done WHERE done.idea_id = i.id;
                """);
            // A "done" idea without its answer in the history: the day it was last changed.
            migrationBuilder.Sql("""
                UPDATE ideas SET implemented_on = (updated_at AT TIME ZONE 'Europe/Riga')::date, implemented_by = 'Municipality'
                WHERE response = 'Done' AND implemented_on IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to what the older model can read: the new answers as their nearest old ones, no
            // paper ideas without an address, no history kinds it does not know.
            migrationBuilder.Sql("""
                UPDATE ideas SET response = CASE response WHEN 'InPlan' THEN 'Accepted' ELSE 'Declined' END WHERE response IN ('InPlan', 'Forwarded');
                UPDATE idea_history SET response = CASE response WHEN 'InPlan' THEN 'Accepted' ELSE 'Declined' END WHERE response IN ('InPlan', 'Forwarded');
                UPDATE ideas SET author_email = 'paper-' || id || '@invalid' WHERE author_email IS NULL;
                DELETE FROM idea_history WHERE kind IN ('Implemented', 'ImplementedUndone', 'Entered');
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_ideas_asp_net_users_entered_by_id",
                table: "ideas");

            migrationBuilder.DropForeignKey(
                name: "fk_ideas_communities_implemented_by_community_id",
                table: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_ideas_entered_by_id",
                table: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_ideas_implemented_by_community_id_implemented_on",
                table: "ideas");

            migrationBuilder.DropColumn(
                name: "entered_by_id",
                table: "ideas");

            migrationBuilder.DropColumn(
                name: "implemented_by",
                table: "ideas");

            migrationBuilder.DropColumn(
                name: "implemented_by_community_id",
                table: "ideas");

            migrationBuilder.DropColumn(
                name: "implemented_on",
                table: "ideas");

            migrationBuilder.DropColumn(
                name: "source",
                table: "ideas");

            migrationBuilder.DropColumn(
                name: "implemented_by",
                table: "idea_history");

            migrationBuilder.DropColumn(
                name: "implemented_by_name",
                table: "idea_history");

            migrationBuilder.DropColumn(
                name: "implemented_on",
                table: "idea_history");

            migrationBuilder.AlterColumn<string>(
                name: "author_email",
                table: "ideas",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "kind",
                table: "idea_history",
                type: "character varying(15)",
                maxLength: 15,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);
        }
    }
}
