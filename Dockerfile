FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY config config
COPY netwerk netwerk
COPY praktijken praktijken
COPY experimenten experimenten
COPY condities condities
COPY mantelzorg mantelzorg
COPY overzicht overzicht
COPY relaties relaties
COPY begrippen begrippen
COPY programma programma
COPY bibliotheek bibliotheek
RUN pip install --no-cache-dir .
COPY . .
RUN DJANGO_DEBUG=false DJANGO_SECRET_KEY=build-only-not-secret python manage.py collectstatic --no-input
RUN useradd --system --uid 1000 app && chown -R app /app
USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4", "--access-logfile", "-", "--logger-class", "config.gunicorn.MaskedAccessLogger"]
