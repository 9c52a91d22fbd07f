from django.urls import path

from ovoz.mechanisms.views import mapping, pack, recommendations, registry, reviews

app_name = "mechanisms"
urlpatterns = [
    path("mechanisms/", registry.index_view, name="index"),
    path("mechanisms/instruments/<int:pk>/", registry.instrument_detail_view, name="instrument"),
    path("mechanisms/bodies/<int:pk>/", registry.mechanism_detail_view, name="mechanism"),
    path("mechanisms/ratifications/<int:pk>/edit/", registry.ratification_edit_view, name="ratification_edit"),
    path("mechanisms/reviews/", reviews.review_list_view, name="reviews"),
    path("mechanisms/reviews/new/", reviews.review_create_view, name="review_create"),
    path("mechanisms/reviews/<int:pk>/", reviews.review_detail_view, name="review_detail"),
    path("mechanisms/reviews/<int:pk>/edit/", reviews.review_edit_view, name="review_edit"),
    path("mechanisms/reviews/<int:pk>/delete/", reviews.review_delete_view, name="review_delete"),
    path("mechanisms/mapping/", mapping.mapping_view, name="mapping"),
    path("mechanisms/mapping/<int:pk>/delete/", mapping.mapping_delete_view, name="mapping_delete"),
    path("programmes/<int:programme_id>/recommendations/", recommendations.tracker_view, name="tracker"),
    path("programmes/<int:programme_id>/recommendations/export.<str:fmt>", recommendations.tracker_export_view,
         name="tracker_export"),
    path("programmes/<int:programme_id>/recommendations/new/", recommendations.recommendation_create_view,
         name="recommendation_create"),
    path("recommendations/<int:pk>/", recommendations.recommendation_detail_view, name="recommendation"),
    path("recommendations/<int:pk>/edit/", recommendations.recommendation_edit_view, name="recommendation_edit"),
    path("recommendations/<int:pk>/delete/", recommendations.recommendation_delete_view,
         name="recommendation_delete"),
    path("recommendations/<int:pk>/status/", recommendations.recommendation_status_view,
         name="recommendation_status"),
    path("programmes/<int:programme_id>/shadow-report/", pack.pack_view, name="pack"),
    path("programmes/<int:programme_id>/shadow-report/download.<str:fmt>", pack.pack_download_view,
         name="pack_download"),
]
