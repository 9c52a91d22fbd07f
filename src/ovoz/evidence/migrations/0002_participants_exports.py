# ExportRecord: a trace of every export of participants (the participants part of issue 4).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('evidence', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ExportRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('actor_label', models.CharField(blank=True, max_length=150)),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('purpose', models.CharField(choices=[('analysis', 'Use in analysis'), ('quotes', 'Anonymous quotes in publications'), ('statistics', 'Aggregate statistics'), ('coordinators', "Sharing with the programme's coordinators"), ('un_authorities', 'Sharing with UN mechanisms or authorities'), ('attribution', 'Attribution by name')], max_length=20, verbose_name='purpose')),
                ('format', models.CharField(choices=[('csv', 'CSV'), ('xlsx', 'XLSX (Excel)')], max_length=4, verbose_name='format')),
                ('participant_count', models.PositiveIntegerField(default=0)),
                ('includes_identity', models.BooleanField(default=False, verbose_name='names and contacts included')),
                ('language', models.CharField(blank=True, max_length=8)),
                ('filters', models.JSONField(blank=True, default=dict)),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('participants', models.ManyToManyField(blank=True, related_name='exports', to='evidence.participant')),
                ('partnership', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='exports', to='programmes.partnership')),
            ],
            options={
                'ordering': ['-created_at', '-pk'],
            },
        ),
    ]
