# The portal as a container: docker compose up --build (see README.md).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Kaimini.Web/Kaimini.Web.csproj src/Kaimini.Web/
RUN dotnet restore src/Kaimini.Web/Kaimini.Web.csproj
COPY src/ src/
RUN dotnet publish src/Kaimini.Web/Kaimini.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Kaimini.Web.dll"]
