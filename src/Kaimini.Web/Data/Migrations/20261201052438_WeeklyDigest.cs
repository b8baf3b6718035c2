using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "weekly_digest",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Events announced before the column: their creation is the best record of it.
            migrationBuilder.Sql("UPDATE events SET published_at = created_at WHERE status <> 'Draft'");

            migrationBuilder.CreateTable(
                name: "digest_sends",
                columns: table => new
                {
                    week = table.Column<DateOnly>(type: "date", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_sends", x => new { x.week, x.user_id });
                    table.ForeignKey(
                        name: "fk_digest_sends_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_idea_history_kind_at",
                table: "idea_history",
                columns: new[] { "kind", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_published_at",
                table: "events",
                column: "published_at",
                filter: "published_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_weekly_digest",
                table: "AspNetUsers",
                column: "id",
                filter: "weekly_digest");

            migrationBuilder.CreateIndex(
                name: "ix_digest_sends_user_id",
                table: "digest_sends",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digest_sends");

            migrationBuilder.DropIndex(
                name: "ix_idea_history_kind_at",
                table: "idea_history");

            migrationBuilder.DropIndex(
                name: "ix_events_published_at",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_weekly_digest",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "weekly_digest",
                table: "AspNetUsers");
        }
    }
}
