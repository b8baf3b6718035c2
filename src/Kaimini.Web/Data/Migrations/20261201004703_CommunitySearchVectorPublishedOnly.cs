using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommunitySearchVectorPublishedOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communities_search_vector",
                table: "communities");

            migrationBuilder.CreateIndex(
                name: "ix_communities_search_vector",
                table: "communities",
                column: "search_vector",
                filter: "status = 'Published'")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communities_search_vector",
                table: "communities");

            migrationBuilder.CreateIndex(
                name: "ix_communities_search_vector",
                table: "communities",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
