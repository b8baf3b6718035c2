using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionAndRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                table: "event_registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "person_hash",
                table: "event_registrations",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "app_secrets",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    protected_value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_secrets", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    job = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => new { x.job, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_not_anonymised",
                table: "event_registrations",
                column: "event_id",
                filter: "anonymised_at IS NULL");

            // Registrations anonymised by account deletions before this column existed, and the mail
            // queued to their placeholder addresses since, which can only fail.
            migrationBuilder.Sql("UPDATE event_registrations SET anonymised_at = now(), list_consent = false WHERE email LIKE 'deleted-%@invalid';");
            migrationBuilder.Sql("DELETE FROM outbox_messages WHERE recipient LIKE '%@invalid' AND status <> 'Sent';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_secrets");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_not_anonymised",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "person_hash",
                table: "event_registrations");
        }
    }
}
