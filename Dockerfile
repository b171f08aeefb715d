# syntax=docker/dockerfile:1

# Build: restore first from the project files alone, so that a code change reuses the restore layer.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# global.json pins the SDK (rollForward latestFeature): the image's SDK must be that version or a later one.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Wijkaanpak.Domain/Wijkaanpak.Domain.csproj src/Wijkaanpak.Domain/
COPY src/Wijkaanpak.Data/Wijkaanpak.Data.csproj src/Wijkaanpak.Data/
COPY src/Wijkaanpak.Web/Wijkaanpak.Web.csproj src/Wijkaanpak.Web/
RUN dotnet restore src/Wijkaanpak.Web/Wijkaanpak.Web.csproj -r linux-x64 -p:PublishReadyToRun=true

# ReadyToRun: the assemblies arrive compiled to machine code, so a new instance spends a third less
# processor time before it answers /health (docs/benchmarks.md, cold start).
COPY src/ src/
RUN dotnet publish src/Wijkaanpak.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app --no-restore -p:UseAppHost=false

# Runtime: ASP.NET Core only, no SDK. The image brings ICU, which the nl-NL culture needs
# (InvariantGlobalization is off).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# Run as the image's unprivileged 'app' user. Outside Development the app never starts a
# PostgreSQL of its own: it needs ConnectionStrings__Wijkaanpak (see docker-compose.yml).
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080

# No HEALTHCHECK here: the aspnet image has neither curl nor wget. Point the orchestrator's
# HTTP probe at /health (JSON, 200 when the database answers, 503 when it does not).

# `--migrate` as the command applies the EF Core migrations and exits (docker-compose's migrate service).
ENTRYPOINT ["dotnet", "Wijkaanpak.Web.dll"]
