from django.urls import path

from ovoz.programmes import views

app_name = "programmes"
urlpatterns = [
    path("programmes/", views.programme_list_view, name="list"),
    path("programmes/<int:pk>/", views.programme_detail_view, name="detail"),
    path("programmes/<int:pk>/partnerships/new/", views.partnership_create_view, name="partnership_create"),
    path("programmes/<int:pk>/people/", views.people_view, name="people"),
    path("programmes/<int:pk>/people/add/", views.member_add_view, name="member_add"),
    path("memberships/<int:pk>/role/", views.member_role_view, name="member_role"),
    path("memberships/<int:pk>/remove/", views.member_remove_view, name="member_remove"),
    path("partnerships/<int:pk>/", views.partnership_detail_view, name="partnership_detail"),
]
