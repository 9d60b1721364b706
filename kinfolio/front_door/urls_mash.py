from django.urls import path

from kinfolio.front_door import views_mash as views

app_name = "mash"
contact = "contacts/<int:contact_id>/"
urlpatterns = [
    path("", views.front_door_queue, name="queue"),
    path("referrers-to-tell/", views.referrers_to_tell, name="referrers-to-tell"),
    path("contacts/new/", views.record_contact, name="contact-new"),
    path("online/<int:referral_id>/record/", views.record_online_referral, name="online-record"),
    path(contact, views.contact_detail, name="contact"),
    path(f"{contact}rag/", views.rate_contact, name="contact-rag"),
    path(f"{contact}decide/", views.decide_contact, name="contact-decide"),
    path(f"{contact}tell-referrer/", views.tell_referrer, name="contact-tell"),
    path(f"{contact}checks/new/", views.request_check, name="contact-check-new"),
    path(f"{contact}checks/<int:check_id>/", views.check_response, name="contact-check-response"),
]
