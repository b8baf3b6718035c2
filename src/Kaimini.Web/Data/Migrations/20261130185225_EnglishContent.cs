using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EnglishContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "description_en",
                table: "events",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title_en",
                table: "events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description_en",
                table: "communities",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "short_description_en",
                table: "communities",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "description_en",
                table: "events");

            migrationBuilder.DropColumn(
                name: "title_en",
                table: "events");

            migrationBuilder.DropColumn(
                name: "description_en",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "short_description_en",
                table: "communities");
        }
    }
}
