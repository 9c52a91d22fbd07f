from django.urls import path

from ovoz.audit import views

app_name = "audit"
urlpatterns = [path("audit/", views.audit_list_view, name="list")]
