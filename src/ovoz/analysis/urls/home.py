from django.urls import path

from ovoz.analysis.views import home

urlpatterns = [path("analysis/", home.index, name="index")]
